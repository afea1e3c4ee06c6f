package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONFIRMED_CASE, SUSPECTED_CASE: red from the authority's decision until it clears the case. */
class CaseTest extends EvaluatorFixture {

    static final Instant DECIDED = at(DAY0, 11);

    @Test
    void aConfirmedCaseIsRedWithoutAnEnd() {
        decide("case-1", CaseStatus.CONFIRMED, DECIDED);

        RiskState state = evaluate(DECIDED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(new Reason(ReasonCode.CONFIRMED_CASE, Colour.RED, DECIDED, null), only(state));
        assertNull(state.quarantineUntil(), "open-ended: not a quarantine that check-ins end");
        assertEquals(Colour.RED, evaluate(at(DAY0.plusDays(60), 9)).colour(), "time alone never ends it");
    }

    @Test
    void aSuspectedCaseIsRedToo() {
        decide("case-1", CaseStatus.SUSPECTED, DECIDED);

        assertEquals(new Reason(ReasonCode.SUSPECTED_CASE, Colour.RED, DECIDED, null),
                only(evaluate(DECIDED.plusSeconds(1))));
    }

    @Test
    void confirmingASuspectedCaseReplacesTheSuspicion() {
        decide("case-1", CaseStatus.SUSPECTED, DECIDED);
        evaluate(DECIDED.plusSeconds(1));
        decide("case-1", CaseStatus.CONFIRMED, at(DAY0.plusDays(1), 9));

        assertEquals(new Reason(ReasonCode.CONFIRMED_CASE, Colour.RED, at(DAY0.plusDays(1), 9), null),
                only(evaluate(at(DAY0.plusDays(1), 10))));
    }

    @Test
    void clearingTheCaseEndsItsReason() {
        declaration(DECLARED, false, null, 3);
        decide("case-1", CaseStatus.CONFIRMED, DECIDED);
        evaluate(DECIDED.plusSeconds(1));
        decide("case-1", CaseStatus.CLEARED, at(DAY0.plusDays(9), 9));

        RiskState state = evaluate(at(DAY0.plusDays(9), 10));

        assertEquals(Colour.GREEN, state.colour());
        assertEquals(List.of(), state.reasons());
    }

    @Test
    void clearingEndsOnlyTheCaseReasonsAndWhatElseAppliesStays() {
        contact(1, Exposure.CLOSE, at(DAY0.minusDays(1), 9), DECLARED);
        decide("case-1", CaseStatus.SUSPECTED, DECIDED);
        evaluate(DECIDED.plusSeconds(1));
        decide("case-1", CaseStatus.CLEARED, at(DAY0, 15));

        assertEquals(ReasonCode.CLOSE_CONTACT, only(evaluate(at(DAY0, 16))).code());
    }

    @Test
    void decisionsCountInTheOrderTheAuthorityTookThem() {
        decide("case-1", CaseStatus.CLEARED, at(DAY0.plusDays(2), 9));
        decide("case-1", CaseStatus.CONFIRMED, DECIDED); // older, arriving later

        assertEquals(Colour.GREEN, evaluate(at(DAY0.plusDays(2), 10)).colour());
    }

    @Test
    void aNewConfirmationAfterClearingStartsAnew() {
        decide("case-1", CaseStatus.CONFIRMED, DECIDED);
        evaluate(DECIDED.plusSeconds(1));
        decide("case-1", CaseStatus.CLEARED, at(DAY0.plusDays(9), 9));
        decide("case-2", CaseStatus.CONFIRMED, at(DAY0.plusDays(20), 9));

        assertEquals(at(DAY0.plusDays(20), 9), only(evaluate(at(DAY0.plusDays(20), 10))).since(),
                "not the start of the cleared case, even when nothing was evaluated in between");
    }

    @Test
    void aReconfirmationKeepsTheStart() {
        decide("case-1", CaseStatus.CONFIRMED, DECIDED);
        evaluate(DECIDED.plusSeconds(1));
        decide("case-1", CaseStatus.CONFIRMED, at(DAY0.plusDays(1), 9));

        assertEquals(DECIDED, only(evaluate(at(DAY0.plusDays(1), 10))).since());
    }

    @Test
    void clearingOneCaseLeavesAnotherOpenCaseOfTheSubject() {
        decide("case-zj", CaseStatus.CONFIRMED, DECIDED);
        decide("case-sh", CaseStatus.CONFIRMED, at(DAY0, 12));
        decide("case-zj", CaseStatus.CLEARED, at(DAY0.plusDays(3), 9));

        RiskState state = evaluate(at(DAY0.plusDays(3), 10));

        assertEquals(new Reason(ReasonCode.CONFIRMED_CASE, Colour.RED, at(DAY0, 12), null), only(state));
    }

    @Test
    void aCaseIsNeverGold() {
        declaration(DECLARED, false, null, 3);
        decide("case-1", CaseStatus.CONFIRMED, DECIDED);

        assertFalse(evaluate(DECIDED.plusSeconds(1)).gold());
    }
}
