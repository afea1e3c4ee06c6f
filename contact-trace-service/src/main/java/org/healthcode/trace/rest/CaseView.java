package org.healthcode.trace.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.domain.TraceCase;

/** A case as the API answers it. {@code confirmedAt} is null for a case never confirmed. */
public record CaseView(UUID id, String subjectId, CaseStatus status, String province, String regionCode,
        LocalDate onsetDate, Instant confirmedAt, Instant statusChangedAt) {

    static CaseView of(TraceCase c) {
        return new CaseView(c.id(), c.subjectId(), c.status(), c.province(), c.regionCode(), c.onsetDate(),
                c.confirmedAt(), c.statusChangedAt());
    }
}
