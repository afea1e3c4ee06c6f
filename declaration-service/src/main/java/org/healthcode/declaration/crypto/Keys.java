package org.healthcode.declaration.crypto;

import java.util.Base64;
import java.util.Optional;

/** Reads a 256-bit key from configuration; a missing or malformed key stops the service at start. */
public final class Keys {

    static final int KEY_BYTES = 32;

    private Keys() {
    }

    /** The key bytes; the message of a failure names the property, never its value. */
    public static byte[] decode(String property, Optional<String> base64) {
        String hint = " Set " + property + " (environment " + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_')
                + ") to the base64 of " + KEY_BYTES + " random bytes, e.g. from `openssl rand -base64 32`.";
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
