package org.healthcode.declaration.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of a {@code case-reported} event: the health authority's case list (from the
 * disease-control system) names a person (a pseudonym) as a CONFIRMED or SUSPECTED case. Contact
 * tracing records the case as the authority's own case call would, and traces a confirmed one.
 * Never a name or a document number. Documented by {@code events/case-reported.schema.json} and its sample.
 *
 * @param onsetDate the day symptoms began, in the province's calendar, or null when the list names none
 * @param importRow the row of the file that carried it (with importId, enough to find the line again)
 */
public record CaseReported(
        String subjectId,
        String status,
        Instant reportedAt,
        LocalDate onsetDate,
        String province,
        UUID importId,
        int importRow) {

    public static final String TOPIC = "case-reported";
}
