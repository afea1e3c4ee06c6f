package org.healthcode.declaration.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;

/**
 * The personal-data keys from configuration, as a Tink keyset: {@code declaration.data-keyset}
 * (Tink's JSON keyset format, AES-256-GCM keys), or else the single key {@code declaration.data-key}
 * (base64 of 32 bytes), which becomes a one-key keyset. A missing, malformed or inconsistent
 * setting stops the service at start; a message names the property, never its value.
 */
public final class DataKeyset {

    public static final String KEYSET_PROPERTY = "declaration.data-keyset";
    public static final String KEY_PROPERTY = "declaration.data-key";

    /** The data key from before keysets: AES-256-GCM, 12-byte nonce, 16-byte tag, values without prefix. */
    static final AesGcmParameters UNPREFIXED;

    static {
        try {
            AeadConfig.register();
            UNPREFIXED = AesGcmParameters.builder().setKeySizeBytes(Keys.KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DataKeyset() {
    }

    /**
     * The keyset to use. With both settings, the keyset must hold the single key (enabled, without
     * prefix): otherwise the values written under it would be unreadable, and the service refuses to
     * start rather than fail on every read.
     */
    public static KeysetHandle from(Optional<String> keysetJson, Optional<String> base64Key) {
        Optional<String> json = keysetJson.map(String::strip).filter(value -> !value.isEmpty());
        if (json.isEmpty()) {
            if (base64Key.map(String::strip).filter(value -> !value.isEmpty()).isEmpty()) {
                throw new IllegalStateException("Neither " + KEYSET_PROPERTY + " (" + env(KEYSET_PROPERTY) + ") nor "
                        + KEY_PROPERTY + " (" + env(KEY_PROPERTY) + ") is set: the service has no key for personal"
                        + " data. Set the keyset to one in Tink's JSON format, e.g. from"
                        + " `tinkey create-keyset --key-template AES256_GCM`.");
            }
            return ofSingleKey(Keys.decode(KEY_PROPERTY, base64Key));
        }
        KeysetHandle keyset = parse(json.get());
        boolean keyGiven = base64Key.map(String::strip).filter(value -> !value.isEmpty()).isPresent();
        if (keyGiven && !holds(keyset, unprefixedKey(Keys.decode(KEY_PROPERTY, base64Key)))) {
            throw new IllegalStateException(KEYSET_PROPERTY + " does not hold the key of " + KEY_PROPERTY
                    + ": what was encrypted with it would be unreadable. Add that key to the keyset, or, once no value"
                    + " is under it any more, unset " + KEY_PROPERTY + " (" + env(KEY_PROPERTY) + ").");
        }
        return keyset;
    }

    /** The single data key as a keyset of one primary key whose values carry no prefix. */
    public static KeysetHandle ofSingleKey(byte[] key) {
        try {
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(unprefixedKey(key)).withRandomId().makePrimary()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(KEY_PROPERTY + " cannot be made a keyset");
        }
    }

    /** A keyset in Tink's JSON format; only AES-256-GCM keys, the primary enabled. */
    static KeysetHandle parse(String json) {
        String hint = " Set " + KEYSET_PROPERTY + " (environment " + env(KEYSET_PROPERTY) + ") to a keyset in Tink's"
                + " JSON format of AES-256-GCM keys, e.g. from `tinkey create-keyset --key-template AES256_GCM`.";
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            keyset.getPrimary();
        } catch (GeneralSecurityException | RuntimeException e) {
            // Deliberately without cause: the parser's message may quote the keyset.
            throw new IllegalStateException(KEYSET_PROPERTY + " is not a Tink JSON keyset with a primary key." + hint);
        }
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey() instanceof AesGcmKey key) || key.getParameters().getKeySizeBytes() != Keys.KEY_BYTES) {
                throw new IllegalStateException(KEYSET_PROPERTY + " key " + entry.getId() + " is not AES-256-GCM." + hint);
            }
        }
        return keyset;
    }

    static AesGcmKey unprefixedKey(byte[] key) {
        try {
            return AesGcmKey.builder().setParameters(UNPREFIXED)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(KEY_PROPERTY + " is not an AES-256 key");
        }
    }

    private static boolean holds(KeysetHandle keyset, AesGcmKey key) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (entry.getStatus() == KeyStatus.ENABLED && entry.getKey().equalsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
