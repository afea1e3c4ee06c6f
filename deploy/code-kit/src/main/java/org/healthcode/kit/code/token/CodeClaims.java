package org.healthcode.kit.code.token;

import java.time.Instant;
import org.healthcode.kit.code.Colour;

/**
 * What a code token says: who issued it (a province code), whose it is (a pseudonym), its colour
 * and gold mark, when it was signed and when it stops being accepted.
 */
public record CodeClaims(String issuer, String subjectId, Colour colour, boolean gold, Instant issuedAt,
        Instant expiresAt) implements SignedClaims {
}
