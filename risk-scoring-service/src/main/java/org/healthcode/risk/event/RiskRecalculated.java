package org.healthcode.risk.event;

import java.time.Instant;
import java.util.List;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.RiskState;

/**
 * The {@code risk-recalculated} event: a subject's colour, gold mark, reasons or dates changed.
 * Schema and sample: {@code src/main/resources/events/risk-recalculated.*.json}.
 */
public record RiskRecalculated(
        String subjectId,
        Colour colour,
        Colour previousColour,
        boolean gold,
        List<Reason> reasons,
        int ruleSetVersion,
        Instant quarantineUntil,
        Instant validUntil,
        String province,
        Instant evaluatedAt,
        String causeEventId) {

    public static final String TOPIC = "risk-recalculated";

    /** {@code until} null: open-ended (symptoms, cases). */
    public record Reason(String code, Colour colour, Instant since, Instant until) {
    }

    public static RiskRecalculated of(String subjectId, String province, RiskState state, Colour previousColour,
            Instant evaluatedAt, String causeEventId) {
        List<Reason> reasons = state.reasons().stream()
                .map(r -> new Reason(r.code().name(), r.colour(), r.since(), r.until())).toList();
        return new RiskRecalculated(subjectId, state.colour(), previousColour, state.gold(), reasons,
                state.ruleSetVersion(), state.quarantineUntil(), state.validUntil(), province, evaluatedAt,
                causeEventId);
    }
}
