package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SECONDARY_CONTACT (degree 2): yellow until the local day 7 days after the last exposure of its own link. */
class SecondaryContactTest extends EvaluatorFixture {

    static final Instant EXPOSED = at(DAY0.minusDays(1), 15);
    static final Instant TRACED = at(DAY0, 11);

    @Test
    void aContactOfACloseContactIsYellowForSevenDays() {
        contact(2, Exposure.CLOSE, EXPOSED, TRACED);

        RiskState state = evaluate(TRACED.plusSeconds(1));

        assertEquals(Colour.YELLOW, state.colour());
        assertEquals(new Reason(ReasonCode.SECONDARY_CONTACT, Colour.YELLOW, TRACED, midnight(DAY0.plusDays(6))),
                only(state));
    }

    @Test
    void degreeTwoIsSecondaryWhateverTheLink() {
        contact(2, Exposure.TRANSPORT, EXPOSED, TRACED);

        assertEquals(ReasonCode.SECONDARY_CONTACT, only(evaluate(TRACED.plusSeconds(1))).code());
    }

    @Test
    void aCloseContactOfAnotherCaseOutranksIt() {
        contact(2, Exposure.CLOSE, EXPOSED, TRACED);
        contacts.add(new Contact("case-2", 1, Exposure.CLOSE, EXPOSED, TRACED));

        RiskState state = evaluate(TRACED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(ReasonCode.CLOSE_CONTACT, state.reasons().get(0).code());
        assertEquals(ReasonCode.SECONDARY_CONTACT, state.reasons().get(1).code());
    }
}
