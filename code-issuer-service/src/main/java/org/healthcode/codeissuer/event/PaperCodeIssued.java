package org.healthcode.codeissuer.event;

import java.time.Instant;

/**
 * The {@code data} of a {@code paper-code-issued} event: a subject (pseudonym) printed a paper code,
 * which from now on is their only valid one; every earlier print is revoked. No colour, name or token.
 * Sample: {@code events/paper-code-issued.sample.json}.
 */
public record PaperCodeIssued(String subjectId, String paperId, String province, Instant issuedAt,
        Instant expiresAt) {

    public static final String TOPIC = "paper-code-issued";
}
