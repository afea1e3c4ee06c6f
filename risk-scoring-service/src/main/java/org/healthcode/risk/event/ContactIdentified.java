package org.healthcode.risk.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Arrays;
import org.healthcode.risk.domain.Contact;
import org.healthcode.risk.domain.Exposure;

/**
 * The part of contact-trace-service's {@code contact-identified} event that the rules read. The
 * venue, the overlap and the case's subject are not needed and never stored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactIdentified(
        String traceId,
        String caseId,
        String contactSubjectId,
        Integer degree,
        String exposure,
        Instant lastExposure,
        String province) {

    public static final String TOPIC = "contact-identified";

    /** What a usable event must carry; anything else goes to the dead-letter topic. */
    public boolean isComplete() {
        return traceId != null && caseId != null && contactSubjectId != null && lastExposure != null
                && degree != null && (degree == 1 || degree == 2)
                && Arrays.stream(Exposure.values()).anyMatch(e -> e.name().equals(exposure));
    }

    /** {@code identifiedAt}: when tracing published the finding (the event's time). */
    public Contact toContact(Instant identifiedAt) {
        return new Contact(caseId, degree, Exposure.valueOf(exposure), lastExposure, identifiedAt);
    }
}
