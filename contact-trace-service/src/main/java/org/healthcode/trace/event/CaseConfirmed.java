package org.healthcode.trace.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.domain.TraceCase;

/**
 * The {@code data} of a {@code case-confirmed} event: the health authority confirmed, suspected or
 * cleared a subject's case. Documented by {@code events/case-confirmed.schema.json} and its sample.
 *
 * @param confirmedAt when the authority set this status (for CONFIRMED: the confirmation)
 * @param onsetDate   the onset of symptoms, when the authority gave it; else null
 */
public record CaseConfirmed(
        UUID caseId,
        String subjectId,
        CaseStatus status,
        LocalDate onsetDate,
        Instant confirmedAt,
        String regionCode,
        String province) {

    public static final String TOPIC = "case-confirmed";

    public static CaseConfirmed of(TraceCase c) {
        return new CaseConfirmed(c.id(), c.subjectId(), c.status(), c.onsetDate(), c.statusChangedAt(),
                c.regionCode(), c.province());
    }
}
