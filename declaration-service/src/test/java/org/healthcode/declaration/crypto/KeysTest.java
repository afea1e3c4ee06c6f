package org.healthcode.declaration.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void aBase64KeyOf32BytesIsRead() {
        byte[] key = IdentityCipherTest.randomKey();
        assertArrayEquals(key, Keys.decode("declaration.data-key", Optional.of(Base64.getEncoder().encodeToString(key))));
    }

    @Test
    void aMissingKeyStopsStartWithThePropertyAndVariableNamed() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            String message = assertThrows(IllegalStateException.class,
                    () -> Keys.decode("declaration.pseudonym-key", missing)).getMessage();
            assertTrue(message.contains("declaration.pseudonym-key"), message);
            assertTrue(message.contains("DECLARATION_PSEUDONYM_KEY"), message);
        }
    }

    @Test
    void aShortOrMalformedKeyIsRefusedWithoutQuotingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String message = assertThrows(IllegalStateException.class,
                () -> Keys.decode("declaration.data-key", Optional.of(shortKey))).getMessage();
        assertTrue(message.contains("declaration.data-key") && message.contains("32 bytes"), message);
        assertFalse(message.contains(shortKey), message);

        String notBase64 = "this is no key at all!";
        message = assertThrows(IllegalStateException.class,
                () -> Keys.decode("declaration.data-key", Optional.of(notBase64))).getMessage();
        assertFalse(message.contains(notBase64), message);
    }
}
