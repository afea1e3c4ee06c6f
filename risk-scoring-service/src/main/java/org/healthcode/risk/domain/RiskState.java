package org.healthcode.risk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A subject's colour and why. {@code quarantineUntil} is when the last timed reason ends,
 * {@code validUntil} when the colour needs a new declaration, {@code nextReviewAt} when time alone
 * could change the state (null: only a new fact can).
 */
public record RiskState(
        Colour colour,
        boolean gold,
        List<Reason> reasons,
        int ruleSetVersion,
        Instant quarantineUntil,
        Instant validUntil,
        Instant nextReviewAt) {

    public RiskState {
        reasons = List.copyOf(reasons);
    }

    /** Whether a holder or a checkpoint would see a difference: colour, gold, reasons or dates. */
    public boolean differsFrom(RiskState previous) {
        return previous == null
                || colour != previous.colour
                || gold != previous.gold
                || !reasons.equals(previous.reasons)
                || !Objects.equals(quarantineUntil, previous.quarantineUntil)
                || !Objects.equals(validUntil, previous.validUntil);
    }
}
