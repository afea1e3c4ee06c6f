package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MANUAL_OVERRIDE: the colour a second authority approved, from the approval until its end. */
class ManualOverrideTest extends EvaluatorFixture {

    static final Instant APPROVED = at(DAY0, 14);
    static final Instant UNTIL = at(DAY0.plusDays(3), 12);

    @Test
    void aGreenOverrideCorrectsAWrongfulRedAndTheRulesReasonsStayListedAfterIt() {
        declaration(DECLARED, true, null, 3);
        assertEquals(Colour.RED, evaluate(DECLARED.plusSeconds(1)).colour());
        override(Colour.GREEN, APPROVED, UNTIL);

        RiskState state = evaluate(APPROVED.plusSeconds(1));

        assertEquals(Colour.GREEN, state.colour());
        assertEquals(new Reason(ReasonCode.MANUAL_OVERRIDE, Colour.GREEN, APPROVED, UNTIL), state.reasons().get(0));
        assertEquals(List.of(ReasonCode.MANUAL_OVERRIDE, ReasonCode.DECLARED_CONTACT),
                state.reasons().stream().map(Reason::code).toList());
        assertNull(state.quarantineUntil(), "no quarantine while the code is green");
        assertTrue(state.gold(), "green and fully vaccinated");
    }

    @Test
    void aRedOverrideRaisesAGreenCodeAndItsEndIsTheQuarantinesEnd() {
        declaration(DECLARED, false, null, 3);
        override(Colour.RED, APPROVED, UNTIL);

        RiskState state = evaluate(APPROVED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(List.of(new Reason(ReasonCode.MANUAL_OVERRIDE, Colour.RED, APPROVED, UNTIL)), state.reasons());
        assertEquals(UNTIL, state.quarantineUntil());
        assertFalse(state.gold());
    }

    @Test
    void theOverrideEndsAtItsEndAndTheRulesApplyAgain() {
        declaration(DECLARED, true, null, 0);
        override(Colour.GREEN, APPROVED, UNTIL);
        assertEquals(Colour.GREEN, evaluate(APPROVED.plusSeconds(1)).colour());
        for (int day = 1; day <= 3; day++) {
            checkIn(at(DAY0.plusDays(day), 9));
        }

        RiskState after = evaluate(UNTIL);

        assertEquals(Colour.RED, after.colour(), "the declared contact still runs");
        assertEquals(List.of(ReasonCode.DECLARED_CONTACT), after.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void theEndOfTheOverrideIsATimeToReview() {
        declaration(DECLARED, false, null, 0);
        override(Colour.YELLOW, APPROVED, at(DAY0, 20));

        assertEquals(at(DAY0, 20), evaluate(APPROVED.plusSeconds(1)).nextReviewAt(), "before the end of validity");
    }

    @Test
    void ofTwoApprovedOverridesTheLaterApprovalCounts() {
        declaration(DECLARED, false, null, 0);
        override(Colour.RED, APPROVED, UNTIL);
        override(Colour.YELLOW, APPROVED.plusSeconds(3600), UNTIL);

        RiskState state = evaluate(APPROVED.plusSeconds(7200));

        assertEquals(Colour.YELLOW, state.colour());
        assertEquals(1, state.reasons().size());
    }

    @Test
    void anOverrideNotYetInForceOrEndedChangesNothing() {
        declaration(DECLARED, false, null, 0);
        override(Colour.RED, APPROVED, UNTIL);

        assertEquals(Colour.GREEN, evaluate(APPROVED.minusSeconds(1)).colour());
        assertEquals(Colour.GREEN, evaluate(UNTIL).colour());
    }
}
