package org.healthcode.scan.domain;

import java.time.Instant;

/** A subject's latest paper code as this checkpoint knows it: the print's reference and when it was signed. */
public record CurrentPaper(String subjectId, String paperId, Instant issuedAt) {
}
