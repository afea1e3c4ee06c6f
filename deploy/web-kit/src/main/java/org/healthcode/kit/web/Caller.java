package org.healthcode.kit.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls: the bearer token's subject and, for staff, the {@code province} claim. */
public record Caller(String subject, String province) {

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("province") : null;
        String province = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return new Caller(subject, province != null && province.matches("[0-9]{2}0000") ? province : null);
    }

    /** Staff act in their province only; an account without one acts nowhere. */
    public String staffProvince() {
        if (province == null) {
            throw new ApiException(403, "NO_PROVINCE", "Your account has no province");
        }
        return province;
    }
}
