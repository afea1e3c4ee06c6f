package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** MEDIUM_RISK_TRAVEL: a stay within a MEDIUM region, yellow for 7 days after leaving. */
class MediumRiskTravelTest extends EvaluatorFixture {

    @Test
    void aStayWithinAMediumRegionIsYellowForSevenDaysAfterLeaving() {
        mark("420100", RiskLevel.MEDIUM, at(DAY0.minusDays(5), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(2), DECLARED);

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(Colour.YELLOW, state.colour());
        assertEquals(new Reason(ReasonCode.MEDIUM_RISK_TRAVEL, Colour.YELLOW, DECLARED, midnight(DAY0.plusDays(5))),
                only(state));
    }

    @Test
    void aCountyMarkedHighInsideAMediumProvinceIsHighRiskTravel() {
        mark("420000", RiskLevel.MEDIUM, at(DAY0.minusDays(5), 9));
        mark("420106", RiskLevel.HIGH, at(DAY0.minusDays(5), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(2), DECLARED);

        assertEquals(ReasonCode.HIGH_RISK_TRAVEL, only(evaluate(DECLARED.plusSeconds(1))).code());
    }

    @Test
    void aStayWhoseSevenDaysHavePassedIsGreen() {
        mark("420100", RiskLevel.MEDIUM, at(DAY0.minusDays(20), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(7), DECLARED);

        assertEquals(Colour.GREEN, evaluate(DECLARED.plusSeconds(1)).colour());
    }
}
