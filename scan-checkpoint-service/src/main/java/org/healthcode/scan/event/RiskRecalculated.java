package org.healthcode.scan.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.CurrentColour;

/**
 * What this service reads of risk-scoring's {@code risk-recalculated} event: the colour a
 * checkpoint compares a code with. The producer owns the full record; other fields, and fields
 * added later, are ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskRecalculated(String subjectId, Colour colour, Boolean gold, String province, Instant evaluatedAt) {

    public static final String TOPIC = "risk-recalculated";

    /** The colour to store; an event missing what a decision needs is unreadable (dead-lettered). */
    public CurrentColour toCurrentColour() {
        if (!SubjectId.isValid(subjectId) || colour == null || evaluatedAt == null) {
            throw new UnreadableEventException("risk-recalculated lacks a valid subjectId, colour or evaluatedAt");
        }
        return new CurrentColour(subjectId, colour, Boolean.TRUE.equals(gold), province, evaluatedAt);
    }
}
