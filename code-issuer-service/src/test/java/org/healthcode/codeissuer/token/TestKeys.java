package org.healthcode.codeissuer.token;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Key material made fresh per test run with the JDK, as an operator would with any EC tool. */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyPair generate(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code code-issuer.keys} entry: {@code kid:base64(PKCS#8)}. */
    public static String entry(String kid, KeyPair pair) {
        return kid + ":" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    public static String entry(String kid) {
        return entry(kid, generate("secp256r1"));
    }

    public static KeyRing ring(String signingKid, String... kids) {
        return KeyRing.fromConfig(Optional.of(List.of(kids).stream().map(TestKeys::entry).toList()),
                Optional.of(signingKid), Set.of());
    }

    public static String subjectId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
