package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** DECLARED_CONTACT: red for 14 days from the day of the declaration. */
class DeclaredContactTest extends EvaluatorFixture {

    @Test
    void aDeclaredContactIsRedForFourteenDaysFromTheDayOfTheDeclaration() {
        declaration(DECLARED, true, null, 0);

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(new Reason(ReasonCode.DECLARED_CONTACT, Colour.RED, DECLARED, midnight(DAY0.plusDays(14))),
                only(state));
    }

    @Test
    void aLaterDeclarationWithoutContactDoesNotEndIt() {
        declaration(DECLARED, true, null, 0);
        evaluate(DECLARED.plusSeconds(1));
        declaration(at(DAY0.plusDays(1), 9));

        assertEquals(ReasonCode.DECLARED_CONTACT, only(evaluate(at(DAY0.plusDays(1), 10))).code());
    }
}
