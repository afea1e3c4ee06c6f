package org.healthcode.codeissuer.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.domain.Reason;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.event.EventReader.UnreadableEventException;

/**
 * What this service reads of risk-scoring's {@code risk-recalculated} event; the producer owns
 * the full record, and fields added to it later are ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskRecalculated(String subjectId, Colour colour, Boolean gold, List<ReasonData> reasons,
        Instant quarantineUntil, Instant validUntil, Instant evaluatedAt) {

    public static final String TOPIC = "risk-recalculated";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReasonData(String code, Colour colour, Instant since, Instant until) {
    }

    /** The colour to store; an event missing what a code needs is unreadable (dead-lettered). */
    public CurrentColour toCurrentColour() {
        if (!SubjectId.isValid(subjectId) || colour == null || evaluatedAt == null) {
            throw new UnreadableEventException("risk-recalculated lacks a valid subjectId, colour or evaluatedAt");
        }
        List<Reason> stored = reasons == null ? List.of() : reasons.stream()
                .map(reason -> {
                    if (reason == null || reason.code() == null || reason.code().isBlank()) {
                        throw new UnreadableEventException("risk-recalculated has a reason without a code");
                    }
                    return new Reason(reason.code(), reason.colour(), reason.since(), reason.until());
                })
                .toList();
        return new CurrentColour(subjectId, colour, Boolean.TRUE.equals(gold), stored, validUntil, quarantineUntil,
                evaluatedAt);
    }
}
