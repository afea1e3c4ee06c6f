package org.healthcode.declaration.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Authenticated encryption of a person's identity data and of other personal text such as an
 * appeal's reason, with a Tink keyset of AES-256-GCM keys ({@link DataKeyset}). Each value gets a
 * fresh random nonce and is bound to the id of its row (the person's, the appeal's) as associated
 * data, so a value copied onto another row is refused rather than misattributed.
 *
 * <p>New values are encrypted with the keyset's primary key and start with Tink's 5-byte prefix
 * (0x01 and the key id), so each names its key; values of the data key from before keysets
 * (nonce || ciphertext+tag, no prefix) are read with that key, which the keyset holds without
 * prefix. A value under a key the keyset no longer holds is refused.
 */
public final class IdentityCipher {

    /** Tink's prefix of a value under a key with the TINK output prefix: version byte and key id. */
    static final int PREFIX_BYTES = 5;
    private static final byte TINK_PREFIX_VERSION = 1;
    private static final int SHORTEST_VALUE = 12 + 16;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;
    private final byte[] primaryPrefix;
    private final List<byte[]> otherPrefixes = new ArrayList<>();

    public IdentityCipher(KeysetHandle keyset) {
        this.keyset = keyset;
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data keyset holds no usable AEAD key", e);
        }
        this.primaryPrefix = prefixOf(keyset.getPrimary());
        for (int i = 0; i < keyset.size(); i++) {
            byte[] prefix = prefixOf(keyset.getAt(i));
            if (!keyset.getAt(i).isPrimary() && prefix.length > 0) {
                otherPrefixes.add(prefix);
            }
        }
    }

    public byte[] encrypt(String plaintext, UUID ownerId) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(ownerId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; fails if the value was altered, belongs to another row or to a key not in the keyset. */
    public String decrypt(byte[] stored, UUID ownerId) {
        if (stored == null || stored.length < SHORTEST_VALUE) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            return new String(aead.decrypt(stored, associatedData(ownerId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately without cause: nothing about the value goes into a log.
            throw new IllegalArgumentException("encrypted value failed authentication");
        }
    }

    /** The value encrypted again under the primary key (checked like {@link #decrypt}). */
    public byte[] reEncrypt(byte[] stored, UUID ownerId) {
        return encrypt(decrypt(stored, ownerId), ownerId);
    }

    /** The id of the key that encrypts: the keyset's primary. */
    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    /**
     * What every value under the primary key starts with (0x01 and its id); empty when the primary
     * is the data key from before keysets, whose values carry no prefix.
     */
    public byte[] primaryPrefix() {
        return primaryPrefix.clone();
    }

    /** Whether the value was encrypted with the primary key, as far as its prefix tells. */
    public boolean isUnderPrimaryKey(byte[] stored) {
        if (primaryPrefix.length > 0) {
            return startsWith(stored, primaryPrefix);
        }
        return otherPrefixes.stream().noneMatch(prefix -> startsWith(stored, prefix));
    }

    /** The key id a value names in its prefix; empty for a value without one (the data key's from before keysets). */
    public static OptionalInt keyIdOf(byte[] stored) {
        if (stored == null || stored.length < PREFIX_BYTES + SHORTEST_VALUE || stored[0] != TINK_PREFIX_VERSION) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ByteBuffer.wrap(stored, 1, 4).getInt());
    }

    private static byte[] prefixOf(KeysetHandle.Entry entry) {
        return ((AeadKey) entry.getKey()).getOutputPrefix().toByteArray();
    }

    private static boolean startsWith(byte[] stored, byte[] prefix) {
        return stored != null && stored.length >= prefix.length
                && Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] associatedData(UUID ownerId) {
        return ByteBuffer.allocate(16).putLong(ownerId.getMostSignificantBits())
                .putLong(ownerId.getLeastSignificantBits()).array();
    }
}
