package org.healthcode.infra.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

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
     * A client-credentials token of one of the platform's own services (Keycloak names its
     * service account {@code service-account-<client>}), holding the realm role {@code platform}.
     */
    public static String platform(String client) {
        return token("service-account-" + client, List.of("platform"), null);
    }

    public static String token(String subject, List<String> roles, String province) {
        long now = Instant.now().getEpochSecond();
        String rolesJson = roles.stream().map(r -> '"' + r + '"').collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"typ\":\"Bearer\",\"azp\":\"mini-program\""
                + ",\"preferred_username\":\"" + subject + "\""
                + ",\"realm_access\":{\"roles\":" + rolesJson + "}"
                + (province == null ? "" : ",\"province\":\"" + province + "\"") + "}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}") + "."
                + base64Url(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
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
