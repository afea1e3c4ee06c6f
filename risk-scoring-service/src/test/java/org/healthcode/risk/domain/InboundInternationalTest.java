package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** INBOUND_INTERNATIONAL: red for 14 days from the arrival date. */
class InboundInternationalTest extends EvaluatorFixture {

    @Test
    void anArrivalFromAbroadIsRedUntilFourteenDaysAfterArrival() {
        declaration(DECLARED, false, DAY0.minusDays(2), 3);

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(new Reason(ReasonCode.INBOUND_INTERNATIONAL, Colour.RED, DECLARED,
                midnight(DAY0.plusDays(12))), only(state));
        assertFalse(state.gold());
    }

    @Test
    void anArrivalMoreThanFourteenDaysAgoIsGreen() {
        declaration(DECLARED, false, DAY0.minusDays(14), 3);

        assertEquals(Colour.GREEN, evaluate(DECLARED.plusSeconds(1)).colour());
    }
}
