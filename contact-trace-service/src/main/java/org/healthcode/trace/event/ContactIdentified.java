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
 * @param homeProvince the contact's home province when they are a visitor from another province
 *                     (their pseudonym is that province's, and the finding is sent there); null
 *                     for this province's people
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
        String province,
        String homeProvince) {

    public static final String TOPIC = "contact-identified";
}
