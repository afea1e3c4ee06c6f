package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The state as a whole: colour, quarantine end, gold, validity and the next review. */
class RiskOutcomeTest extends EvaluatorFixture {

    @Test
    void theWorstReasonSetsTheColourAndComesFirst() {
        declaration(DECLARED, true, null, 3, "FEVER");

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(List.of(ReasonCode.DECLARED_CONTACT, ReasonCode.SYMPTOMS),
                state.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void quarantineLastsUntilTheLatestTimedReasonEnds() {
        mark("420100", RiskLevel.MEDIUM, at(DAY0.minusDays(5), 9));
        declaration(DECLARED, false, DAY0.minusDays(10), 0);
        stay("420106", DAY0.minusDays(1), DECLARED);

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(midnight(DAY0.plusDays(6)), state.quarantineUntil(), "travel outlasts the arrival");
    }

    @Test
    void greenAndFullyVaccinatedIsGold() {
        declaration(DECLARED, false, null, 2);
        assertTrue(evaluate(DECLARED.plusSeconds(1)).gold());

        checkIn(at(DAY0, 20));
        assertTrue(evaluate(at(DAY0, 21)).gold(), "a check-in does not forget the vaccination");

        declaration(at(DAY0.plusDays(1), 9), false, null, 1);
        assertFalse(evaluate(at(DAY0.plusDays(1), 10)).gold());
    }

    @Test
    void yellowIsNeverGold() {
        declaration(DECLARED, false, null, 3, "FEVER");

        assertFalse(evaluate(DECLARED.plusSeconds(1)).gold());
    }

    @Test
    void aColourIsValidUntilTheEndOfTheDayOfTheLatestSubmission() {
        declaration(DECLARED);
        checkIn(at(DAY0.plusDays(1), 23));

        RiskState state = evaluate(at(DAY0.plusDays(1), 23).plusSeconds(5));

        assertEquals(midnight(DAY0.plusDays(2)), state.validUntil());
        assertEquals(1, state.ruleSetVersion());
    }

    @Test
    void theNextReviewIsTheNextMidnightInQuarantineAndTheEndOfValidityOtherwise() {
        declaration(DECLARED, true, null, 0);
        assertEquals(midnight(DAY0.plusDays(1)), evaluate(DECLARED.plusSeconds(1)).nextReviewAt());

        submissions.clear();
        previous = List.of();
        declaration(DECLARED);
        assertEquals(midnight(DAY0.plusDays(1)), evaluate(DECLARED.plusSeconds(1)).nextReviewAt());
        assertNull(evaluate(at(DAY0.plusDays(2), 9)).nextReviewAt(), "nothing left for time to change");
    }

    @Test
    void aStateThatOnlyMovedItsReviewTimeHasNotChanged() {
        declaration(DECLARED, true, null, 0);
        RiskState first = evaluate(DECLARED.plusSeconds(1));
        RiskState second = evaluate(at(DAY0, 23));

        assertFalse(second.differsFrom(first));
        assertTrue(first.differsFrom(null));
    }
}
