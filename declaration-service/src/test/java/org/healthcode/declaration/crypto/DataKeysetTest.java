package org.healthcode.declaration.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataKeysetTest {

    private final byte[] oldKey = TestKeysets.randomKey();
    private final String oldKeyBase64 = Base64.getEncoder().encodeToString(oldKey);
    private final UUID row = UUID.randomUUID();

    @Test
    void theSingleKeyAloneIsAOneKeyKeysetThatReadsWhatItWrote() {
        KeysetHandle keyset = DataKeyset.from(Optional.empty(), Optional.of(oldKeyBase64));
        assertEquals(1, keyset.size());
        IdentityCipher cipher = new IdentityCipher(keyset);
        assertEquals("张三", cipher.decrypt(LegacyAesGcm.encrypt(oldKey, "张三", row), row));
    }

    @Test
    void theSingleKeyWrittenAsJsonTheWayTheReadmeSaysIsTheSameKey() {
        KeysetHandle keyset = DataKeyset.from(Optional.of(TestKeysets.singleKeyJson(oldKey)), Optional.of(oldKeyBase64));
        assertEquals(1, keyset.getPrimary().getId());
        IdentityCipher cipher = new IdentityCipher(keyset);
        assertEquals(0, cipher.primaryPrefix().length, "values without prefix, as before keysets");
        assertEquals("张三", cipher.decrypt(LegacyAesGcm.encrypt(oldKey, "张三", row), row));
    }

    @Test
    void aKeysetWithANewPrimaryReadsTheOldValuesAndWritesUnderTheNewKey() {
        KeysetHandle rotated = TestKeysets.withNewKey(TestKeysets.parse(TestKeysets.singleKeyJson(oldKey)), true);
        KeysetHandle keyset = DataKeyset.from(Optional.of(TestKeysets.json(rotated)), Optional.of(oldKeyBase64));
        IdentityCipher cipher = new IdentityCipher(keyset);
        assertEquals("张三", cipher.decrypt(LegacyAesGcm.encrypt(oldKey, "张三", row), row));
        assertEquals(rotated.getPrimary().getId(), IdentityCipher.keyIdOf(cipher.encrypt("张三", row)).getAsInt());
    }

    @Test
    void aKeysetThatLacksTheSingleKeyStillSetIsRefusedWithoutQuotingEither() {
        KeysetHandle other = TestKeysets.withNewKey(DataKeyset.ofSingleKey(TestKeysets.randomKey()), true);
        String json = TestKeysets.json(other);
        String message = assertThrows(IllegalStateException.class,
                () -> DataKeyset.from(Optional.of(json), Optional.of(oldKeyBase64))).getMessage();
        assertTrue(message.contains("declaration.data-keyset") && message.contains("DECLARATION_DATA_KEY"), message);
        assertFalse(message.contains(oldKeyBase64), message);
        // Without the single key the same keyset is taken: the operator removed it after re-encryption.
        assertEquals(other.getPrimary().getId(), DataKeyset.from(Optional.of(json), Optional.empty()).getPrimary().getId());
    }

    @Test
    void aMalformedKeysetIsRefusedWithoutQuotingIt() {
        String broken = TestKeysets.singleKeyJson(oldKey).replace("\"primaryKeyId\":1", "\"primaryKeyId\":2");
        for (String json : new String[] {"{not json " + oldKeyBase64, broken}) {
            IllegalStateException refusal = assertThrows(IllegalStateException.class,
                    () -> DataKeyset.from(Optional.of(json), Optional.empty()), json.substring(0, 12));
            assertTrue(refusal.getMessage().contains("DECLARATION_DATA_KEYSET"), refusal.getMessage());
            assertFalse(refusal.getMessage().contains(oldKeyBase64), refusal.getMessage());
            assertEquals(null, refusal.getCause());
        }
    }

    @Test
    void withNeitherSettingTheServiceDoesNotStart() {
        String message = assertThrows(IllegalStateException.class,
                () -> DataKeyset.from(Optional.of(" "), Optional.empty())).getMessage();
        assertTrue(message.contains("DECLARATION_DATA_KEYSET") && message.contains("(DECLARATION_DATA_KEY)"), message);
    }
}
