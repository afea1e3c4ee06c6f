package org.healthcode.infra.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens shaped like the Keycloak realm's (realm roles under {@code realm_access.roles},
 * a {@code province} claim), signed with a key pair made fresh for each test JVM.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/healthcode";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static String citizen(String subject) {
        return token(subject, List.of("citizen"), null);
    }

    public static String staff(String subject, String role, String province) {
        return token(subject, List.of(role), province);
    }

    /**
     * A community worker: role {@code community}, a {@code province} and the venue ids of the
     * communities they serve in a {@code communities} claim (a Keycloak multivalued user attribute).
     */
    public static String community(String subject, String province, String... venueIds) {
        return token(subject, List.of("community"), province, Map.of("communities", List.of(venueIds)));
    }

    /**
     * A client-credentials token of one of the platform's own services (Keycloak names its
     * service account {@code service-account-<client>}), holding the realm role {@code platform}.
     */
    public static String platform(String client) {
        return token("service-account-" + client, List.of("platform"), null);
    }

    public static String token(String subject, List<String> roles, String province) {
        return token(subject, roles, province, Map.of());
    }

    /** The same with more claims (e.g. a community worker's {@code communities}). */
    public static String token(String subject, List<String> roles, String province, Map<String, Object> more) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("typ", "Bearer").claim("azp", "mini-program").claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", roles));
        if (province != null) {
            claims.claim("province", province);
        }
        more.forEach(claims::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("test")
                .build(), claims.build());
        try {
            token.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
