package org.healthcode.declaration.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityCipherTest {

    private final IdentityCipher cipher = new IdentityCipher(randomKey());
    private final UUID person = UUID.randomUUID();

    @Test
    void whatIsEncryptedDecryptsForTheSamePerson() {
        byte[] stored = cipher.encrypt("欧阳克锋", person);
        assertEquals("欧阳克锋", cipher.decrypt(stored, person));
        assertFalse(contains(stored, "欧阳克锋".getBytes(StandardCharsets.UTF_8)), "plaintext visible");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        byte[] first = cipher.encrypt("13812345678", person);
        byte[] second = cipher.encrypt("13812345678", person);
        assertFalse(Arrays.equals(Arrays.copyOf(first, 12), Arrays.copyOf(second, 12)), "nonce reused");
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void anAlteredValueIsRefused() {
        byte[] stored = cipher.encrypt("11010519491231002X", person);
        for (int i : new int[] {0, 12, stored.length - 1}) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(tampered, person), "byte " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(Arrays.copyOf(stored, 20), person));
    }

    @Test
    void aValueMovedToAnotherPersonOrReadWithAnotherKeyIsRefused() {
        byte[] stored = cipher.encrypt("张三", person);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(stored, UUID.randomUUID()));
        assertThrows(IllegalArgumentException.class, () -> new IdentityCipher(randomKey()).decrypt(stored, person));
    }

    @Test
    void aRefusalSaysNothingAboutTheValue() {
        byte[] stored = cipher.encrypt("张三", person);
        stored[stored.length - 1] ^= 1;
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> cipher.decrypt(stored, person));
        assertEquals("encrypted value failed authentication", refusal.getMessage());
        assertEquals(null, refusal.getCause());
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
