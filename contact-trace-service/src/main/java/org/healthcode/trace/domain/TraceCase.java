package org.healthcode.trace.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A subject's case in a province, as stored.
 *
 * @param confirmedAt     when it was (last) confirmed; the end of the look-back; null if never
 * @param statusChangedAt when the authority set the current status
 */
public record TraceCase(UUID id, String subjectId, String province, CaseStatus status, LocalDate onsetDate,
        String regionCode, Instant confirmedAt, Instant statusChangedAt, Instant createdAt) {
}
