package org.healthcode.risk.domain;

import java.time.Instant;

/**
 * A finding of contact tracing about this subject: exposed to {@code caseId}'s case, directly
 * (degree 1) or through a close contact (degree 2), last at {@code lastExposure}; the platform
 * learned it at {@code identifiedAt}.
 */
public record Contact(String caseId, int degree, Exposure exposure, Instant lastExposure, Instant identifiedAt) {

    /** Degree 2 is SECONDARY_CONTACT whatever its link; degree 1 is CLOSE_CONTACT unless only spatiotemporal. */
    public ReasonCode reason() {
        if (degree > 1) {
            return ReasonCode.SECONDARY_CONTACT;
        }
        return exposure == Exposure.SPATIOTEMPORAL ? ReasonCode.SPATIOTEMPORAL : ReasonCode.CLOSE_CONTACT;
    }
}
