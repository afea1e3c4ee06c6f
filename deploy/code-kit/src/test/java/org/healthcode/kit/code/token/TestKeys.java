package org.healthcode.kit.code.token;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

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

    public static SigningKey signingKey(String kid, KeyPair pair) {
        try {
            return SigningKey.fromPkcs8(kid, pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new P-256 key. */
    public static SigningKey signingKey(String kid) {
        return signingKey(kid, generate("secp256r1"));
    }

    public static VerificationKeys keysOf(SigningKey... keys) {
        return new VerificationKeys(Stream.of(keys).map(SigningKey::verificationKey).toList());
    }

    public static List<SigningKey> signingKeys(String... kids) {
        return Stream.of(kids).map(TestKeys::signingKey).toList();
    }

    public static String subjectId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
