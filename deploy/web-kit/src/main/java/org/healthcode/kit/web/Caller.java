package org.healthcode.kit.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls: the bearer token's subject and, for staff, the {@code province} claim.
 *
 * <p>A call from one of the platform's own services carries that service's identity (a Keycloak
 * client-credentials token with the realm role {@value #PLATFORM}, which no person ever holds). When
 * it acts for a person it has authenticated (the gateway, for a citizen or a checkpoint), it names
 * that person in the headers {@value #ON_BEHALF_OF} and {@value #ON_BEHALF_OF_PROVINCE}; a service
 * believes those headers from a platform caller only, and ignores them from anyone else.
 */
public record Caller(String subject, String province) {

    /** The realm role of the platform's own services; never granted to a person. */
    public static final String PLATFORM = "platform";
    public static final String ON_BEHALF_OF = "Healthcode-On-Behalf-Of";
    public static final String ON_BEHALF_OF_PROVINCE = "Healthcode-On-Behalf-Of-Province";

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("province") : null;
        String province = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return new Caller(subject, provinceOrNull(province));
    }

    /**
     * The person a platform service acts for. Only a caller holding {@value #PLATFORM} may name one;
     * a call that names nobody is refused, as is a person's own token on such a route.
     */
    public static Caller onBehalfOf(SecurityIdentity identity, HttpHeaders headers) {
        if (!identity.hasRole(PLATFORM)) {
            throw new ApiException(403, "PLATFORM_ONLY", "This call is open to the platform's own services only");
        }
        String subject = headers.getHeaderString(ON_BEHALF_OF);
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new ApiException(403, "NO_PRINCIPAL", "A platform call must name the person it acts for");
        }
        return new Caller(subject, provinceOrNull(headers.getHeaderString(ON_BEHALF_OF_PROVINCE)));
    }

    private static String provinceOrNull(String province) {
        return province != null && province.matches("[0-9]{2}0000") ? province : null;
    }

    /** Staff act in their province only; an account without one acts nowhere. */
    public String staffProvince() {
        if (province == null) {
            throw new ApiException(403, "NO_PROVINCE", "Your account has no province");
        }
        return province;
    }
}
