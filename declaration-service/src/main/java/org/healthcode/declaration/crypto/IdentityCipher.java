package org.healthcode.declaration.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of a person's identity data and of other personal text such as an
 * appeal's reason (AES-256-GCM). Each value gets a fresh random nonce and is bound to the id of
 * its row (the person's, the appeal's) as associated data, so a value copied onto another row is
 * refused rather than misattributed. Stored as nonce || ciphertext+tag.
 */
public final class IdentityCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public IdentityCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(String plaintext, UUID ownerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, ownerId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; fails if the value was altered, belongs to another row or another key. */
    public String decrypt(byte[] stored, UUID ownerId) {
        if (stored == null || stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES), ownerId);
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately without cause: nothing about the value goes into a log.
            throw new IllegalArgumentException("encrypted value failed authentication");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID ownerId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(ownerId.getMostSignificantBits())
                .putLong(ownerId.getLeastSignificantBits()).array());
        return cipher;
    }
}
