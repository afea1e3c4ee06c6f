package org.healthcode.kit.code.token;

import java.time.Instant;

/**
 * When a key may have signed a code, and its status. A code verifies with the key only when its
 * issue time ({@code iat}) is at or after {@code notBefore} and before {@code notAfter} (either may be
 * absent: no bound), and the key is not {@link KeyStatus#REVOKED}. The code's own expiry is checked
 * as ever, so a code signed just before {@code notAfter} verifies until it expires.
 */
public record KeyValidity(Instant notBefore, Instant notAfter, KeyStatus status) {

    /** A key of a province's own JWKS or of the inline list: no window, active. */
    public static final KeyValidity UNBOUNDED = new KeyValidity(null, null, KeyStatus.ACTIVE);

    public KeyValidity {
        if (status == null) {
            throw new IllegalArgumentException("a key has a status");
        }
        if (notBefore != null && notAfter != null && !notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("a key's notAfter is after its notBefore");
        }
    }

    /** Whether a code issued at {@code issuedAt} falls inside the window. */
    public boolean covers(Instant issuedAt) {
        return (notBefore == null || !issuedAt.isBefore(notBefore)) && (notAfter == null || issuedAt.isBefore(notAfter));
    }
}
