package org.healthcode.codeissuer.token;

import java.time.Instant;
import org.healthcode.codeissuer.domain.Colour;

/** What a code token says: who issued it, whose it is, its colour and gold mark, and its expiry. */
public record CodeClaims(String issuer, String subjectId, Colour colour, boolean gold, Instant expiresAt) {
}
