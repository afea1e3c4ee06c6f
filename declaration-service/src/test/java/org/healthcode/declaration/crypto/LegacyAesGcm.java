package org.healthcode.declaration.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.util.UUID;

/**
 * How values were encrypted before keysets, for tests that such values still read: AES-256-GCM
 * with the JDK, a random 12-byte nonce, the row's id as associated data, stored as nonce ||
 * ciphertext+tag.
 */
public final class LegacyAesGcm {

    private LegacyAesGcm() {
    }

    public static byte[] encrypt(byte[] key, String plaintext, UUID ownerId) {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.allocate(16).putLong(ownerId.getMostSignificantBits())
                    .putLong(ownerId.getLeastSignificantBits()).array());
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
