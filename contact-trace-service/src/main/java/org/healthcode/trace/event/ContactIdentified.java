package org.healthcode.trace.event;

import java.time.Instant;
import java.util.UUID;
import org.healthcode.trace.domain.Exposure;

/**
 * The {@code data} of a {@code contact-identified} event: tracing a confirmed case found an exposed
 * person. Keyed by the contact; one event per (caseId, contactSubjectId), ever. Documented by
 * {@code events/contact-identified.schema.json} and its sample.
 *
 * @param traceId      this finding's id
 * @param degree       1: exposed by the case; 2: exposed by a close contact of the case
 * @param lastExposure when the exposure ended (= overlapTo): quarantines count from it
 */
public record ContactIdentified(
        UUID traceId,
        UUID caseId,
        String caseSubjectId,
        String contactSubjectId,
        int degree,
        Exposure exposure,
        UUID venueId,
        Instant overlapFrom,
        Instant overlapTo,
        Instant lastExposure,
        String province) {

    public static final String TOPIC = "contact-identified";
}
