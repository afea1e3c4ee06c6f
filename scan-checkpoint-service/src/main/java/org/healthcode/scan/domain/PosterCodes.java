package org.healthcode.scan.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text in a venue's poster QR: {@code HCV1.<venueId>.<mac>}, where the mac is base64url of the
 * first 16 bytes of HMAC-SHA256(poster key, {@code "HCV1.<venueId>"}). 64 ASCII characters, a
 * version-5 QR at level M. Only this service can make one, so a citizen's check-in names a venue that exists
 * here, and a forged or altered poster is refused. Plain Java, thread-safe.
 */
public final class PosterCodes {

    static final String PREFIX = "HCV1.";
    static final int KEY_BYTES = 32;
    private static final int MAC_BYTES = 16;
    private static final int UUID_CHARS = 36;
    private static final int MAC_CHARS = 22;
    /** PREFIX + venue id + "." + mac. */
    public static final int LENGTH = PREFIX.length() + UUID_CHARS + 1 + MAC_CHARS;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public PosterCodes(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a poster key is " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The poster code of a venue. */
    public String codeOf(UUID venueId) {
        String signed = PREFIX + venueId;
        return signed + "." + BASE64URL.encodeToString(mac(signed));
    }

    /** The venue a poster code names, or empty when the code is not one this service signed. */
    public Optional<UUID> venueOf(String code) {
        if (code == null || code.length() != LENGTH || !code.startsWith(PREFIX)
                || code.charAt(PREFIX.length() + UUID_CHARS) != '.') {
            return Optional.empty();
        }
        String idText = code.substring(PREFIX.length(), PREFIX.length() + UUID_CHARS);
        UUID venueId;
        try {
            venueId = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // One spelling per venue: the canonical lower-case form signed by codeOf.
        if (!venueId.toString().equals(idText)) {
            return Optional.empty();
        }
        // The whole expected text, compared in constant time: one spelling of the mac only.
        return MessageDigest.isEqual(codeOf(venueId).getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(venueId) : Optional.empty();
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * The key bytes from configuration; a missing or malformed key stops the service at start with
     * a message that names the property, never its value.
     */
    public static byte[] decodeKey(String property, Optional<String> base64) {
        String hint = " Set " + property + " (environment "
                + property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ") to the base64 of "
                + KEY_BYTES + " random bytes, e.g. from `openssl rand -base64 32`.";
        String text = base64.map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new IllegalStateException(property + " is not set." + hint));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64." + hint);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must be " + KEY_BYTES + " bytes, not " + key.length + "." + hint);
        }
        return key;
    }
}
