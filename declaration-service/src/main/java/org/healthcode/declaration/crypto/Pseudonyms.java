package org.healthcode.declaration.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.healthcode.declaration.domain.DocumentType;

/**
 * Derives a subject's pseudonym from their document with a keyed hash, so the same document
 * always gives the same subjectId (a case confirmed before registration still finds the person)
 * while nobody without the key can link one to the other.
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PSEUDONYM_BYTES = 16;

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** base64url (no padding) of the first 16 bytes of HMAC-SHA256(type ":" number): 22 characters. */
    public String subjectId(DocumentType type, String normalisedNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] hash = mac.doFinal((type.name() + ":" + normalisedNumber).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, PSEUDONYM_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
