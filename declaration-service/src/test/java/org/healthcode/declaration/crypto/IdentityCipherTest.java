package org.healthcode.declaration.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityCipherTest {

    private final byte[] oldKey = randomKey();
    /** The single data key from before keysets, plus a new primary key: the state during a rotation. */
    private final KeysetHandle keyset = TestKeysets.withNewKey(DataKeyset.ofSingleKey(oldKey), true);
    private final IdentityCipher cipher = new IdentityCipher(keyset);
    private final UUID person = UUID.randomUUID();

    @Test
    void whatIsEncryptedDecryptsForTheSamePerson() {
        byte[] stored = cipher.encrypt("欧阳克锋", person);
        assertEquals("欧阳克锋", cipher.decrypt(stored, person));
        assertFalse(contains(stored, "欧阳克锋".getBytes(StandardCharsets.UTF_8)), "plaintext visible");
    }

    @Test
    void aValueOfTheCodeBeforeKeysetsDecryptsWithTheKeyItWasMadeWith() {
        byte[] old = LegacyAesGcm.encrypt(oldKey, "13812345678", person);
        assertEquals("13812345678", cipher.decrypt(old, person));
        assertEquals("13812345678", new IdentityCipher(DataKeyset.ofSingleKey(oldKey)).decrypt(old, person));
        assertFalse(cipher.isUnderPrimaryKey(old));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(old, UUID.randomUUID()), "bound to its row");
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityCipher(DataKeyset.ofSingleKey(randomKey())).decrypt(old, person));
    }

    @Test
    void theSingleKeyStillWritesTheFormatOfBeforeKeysets() {
        IdentityCipher single = new IdentityCipher(DataKeyset.ofSingleKey(oldKey));
        byte[] stored = single.encrypt("张三", person);
        assertEquals(12 + "张三".getBytes(StandardCharsets.UTF_8).length + 16, stored.length, "nonce || ciphertext+tag");
        assertEquals(0, single.primaryPrefix().length);
        assertTrue(single.isUnderPrimaryKey(stored));
        assertEquals("张三", cipher.decrypt(stored, person), "a keyset holding the key reads it");
    }

    @Test
    void newValuesNameThePrimaryKey() {
        byte[] stored = cipher.encrypt("张三", person);
        assertEquals(OptionalInt.of(cipher.primaryKeyId()), IdentityCipher.keyIdOf(stored));
        assertEquals(1, stored[0], "Tink's prefix");
        assertArrayEquals(ByteBuffer.allocate(5).put((byte) 1).putInt(cipher.primaryKeyId()).array(), cipher.primaryPrefix());
        assertTrue(cipher.isUnderPrimaryKey(stored));
        assertEquals(5 + 12 + "张三".getBytes(StandardCharsets.UTF_8).length + 16, stored.length);

        // After the next rotation the same value is under an older key, still read, and moved by reEncrypt.
        KeysetHandle next = TestKeysets.withNewKey(keyset, true);
        IdentityCipher rotated = new IdentityCipher(next);
        assertFalse(rotated.isUnderPrimaryKey(stored));
        assertEquals("张三", rotated.decrypt(stored, person));
        byte[] moved = rotated.reEncrypt(stored, person);
        assertEquals(OptionalInt.of(rotated.primaryKeyId()), IdentityCipher.keyIdOf(moved));
        assertEquals("张三", rotated.decrypt(moved, person));
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        byte[] first = cipher.encrypt("13812345678", person);
        byte[] second = cipher.encrypt("13812345678", person);
        assertFalse(Arrays.equals(first, 5, 17, second, 5, 17), "nonce reused");
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void anAlteredValueIsRefused() {
        byte[] stored = cipher.encrypt("11010519491231002X", person);
        for (int i : new int[] {0, 1, 4, 5, 17, stored.length - 1}) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(tampered, person), "byte " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(Arrays.copyOf(stored, 20), person));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(null, person));
    }

    @Test
    void aValueBoundToAnotherRowOrUnderAKeyNotInTheKeysetIsRefused() {
        byte[] stored = cipher.encrypt("张三", person);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(stored, UUID.randomUUID()));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityCipher(TestKeysets.withNewKey(DataKeyset.ofSingleKey(randomKey()), true))
                        .decrypt(stored, person), "another keyset");
        IdentityCipher withoutItsKey = new IdentityCipher(TestKeysets.without(
                TestKeysets.withNewKey(keyset, true), cipher.primaryKeyId()));
        assertThrows(IllegalArgumentException.class, () -> withoutItsKey.decrypt(stored, person), "its key removed");
    }

    @Test
    void aRefusalSaysNothingAboutTheValue() {
        byte[] stored = cipher.encrypt("张三", person);
        stored[stored.length - 1] ^= 1;
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> cipher.decrypt(stored, person));
        assertEquals("encrypted value failed authentication", refusal.getMessage());
        assertNull(refusal.getCause());
    }

    static byte[] randomKey() {
        return TestKeysets.randomKey();
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
