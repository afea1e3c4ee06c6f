package org.healthcode.kit.code.token;

import java.time.Instant;

/**
 * What a paper code says: who issued it (a province code), whose it is (a pseudonym), which print it
 * is ({@code paperId}, the reference number printed under the QR), when it was signed and when it
 * stops being accepted. No colour: a checkpoint reads the holder's colour now, online.
 */
public record PaperClaims(String issuer, String subjectId, String paperId, Instant issuedAt, Instant expiresAt)
        implements SignedClaims {
}
