package org.healthcode.risk.domain;

import java.time.Instant;

/**
 * An active reason for a colour: since when it is known, and until when it lasts ({@code null}:
 * until something ends it, e.g. a symptom-free check-in).
 */
public record Reason(ReasonCode code, Colour colour, Instant since, Instant until) {

    public boolean isTimed() {
        return until != null;
    }
}
