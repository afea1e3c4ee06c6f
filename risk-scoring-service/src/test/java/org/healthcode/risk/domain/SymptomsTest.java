package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SYMPTOMS: yellow while the latest submission reports fever or two respiratory symptoms. */
class SymptomsTest extends EvaluatorFixture {

    @Test
    void feverIsYellowUntilASymptomFreeSubmission() {
        declaration(DECLARED, false, null, 2, "FEVER");

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(Colour.YELLOW, state.colour());
        assertEquals(new Reason(ReasonCode.SYMPTOMS, Colour.YELLOW, DECLARED, null), only(state));
        assertNull(state.quarantineUntil());

        checkIn(at(DAY0.plusDays(1), 9));
        assertEquals(Colour.GREEN, evaluate(at(DAY0.plusDays(1), 10)).colour());
    }

    @Test
    void aTemperatureAtTheThresholdIsFever() {
        declaration(DECLARED);
        checkIn(at(DAY0, 12), new BigDecimal("37.3"));

        assertEquals(ReasonCode.SYMPTOMS, only(evaluate(at(DAY0, 13))).code());
    }

    @Test
    void twoRespiratorySymptomsAreSymptomsButOneIsNot() {
        checkIn(DECLARED, NORMAL, "DRY_COUGH", "FATIGUE");
        assertEquals(Colour.GREEN, evaluate(DECLARED.plusSeconds(1)).colour());

        checkIn(at(DAY0, 12), NORMAL, "DRY_COUGH", "RUNNY_NOSE");
        assertEquals(ReasonCode.SYMPTOMS, only(evaluate(at(DAY0, 13))).code());
    }

    @Test
    void itKeepsTheStartOfTheRunWhileSymptomsGoOn() {
        checkIn(DECLARED, NORMAL, "FEVER");
        evaluate(DECLARED.plusSeconds(1));
        checkIn(at(DAY0.plusDays(1), 9), new BigDecimal("38.0"));

        assertEquals(DECLARED, only(evaluate(at(DAY0.plusDays(1), 10))).since());
    }

    @Test
    void onlyTheLatestSubmissionCounts() {
        checkIn(at(DAY0, 12), NORMAL);
        checkIn(DECLARED, NORMAL, "FEVER"); // older, arriving later

        assertEquals(Colour.GREEN, evaluate(at(DAY0, 13)).colour());
    }
}
