package org.healthcode.declaration.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/** Keysets as an operator makes them with Tinkey, for tests. */
public final class TestKeysets {

    private TestKeysets() {
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * The single data key as Tink JSON, made as README's "Rotating the data key" says: the
     * AesGcmKey protobuf (field 3, 32 bytes: 0x1a 0x20 || key) without prefix ("RAW"), key id 1.
     */
    public static String singleKeyJson(byte[] key) {
        byte[] proto = new byte[2 + key.length];
        proto[0] = 0x1a;
        proto[1] = 0x20;
        System.arraycopy(key, 0, proto, 2, key.length);
        return """
                {"primaryKeyId":1,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey",\
                "value":"%s","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":1,"outputPrefixType":"RAW"}]}"""
                .formatted(Base64.getEncoder().encodeToString(proto));
    }

    /** {@code tinkey add-key --key-template AES256_GCM}: a new enabled key, primary if asked. */
    public static KeysetHandle withNewKey(KeysetHandle keyset, boolean primary) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            KeysetHandle.Builder.Entry added = KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId();
            builder.addEntry(primary ? added.makePrimary() : added);
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code tinkey promote-key --key-id id}. */
    public static KeysetHandle promoted(KeysetHandle keyset, int keyId) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = 0; i < builder.size(); i++) {
                if (keyset.getAt(i).getId() == keyId) {
                    builder.getAt(i).makePrimary();
                }
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code tinkey delete-key --key-id id}. */
    public static KeysetHandle without(KeysetHandle keyset, int keyId) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = 0; i < builder.size(); i++) {
                if (keyset.getAt(i).getId() == keyId) {
                    builder.deleteAt(i);
                    break;
                }
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeysetHandle parse(String json) {
        return DataKeyset.parse(json);
    }

    public static String json(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
