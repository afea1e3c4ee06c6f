package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HIGH_RISK_TRAVEL: a stay within a HIGH region, red for 14 days after leaving. */
class HighRiskTravelTest extends EvaluatorFixture {

    @Test
    void aStayWithinAHighRegionIsRedUntilFourteenDaysAfterLeaving() {
        mark("420100", RiskLevel.HIGH, at(DAY0.minusDays(30), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(10), DECLARED);

        RiskState state = evaluate(DECLARED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(new Reason(ReasonCode.HIGH_RISK_TRAVEL, Colour.RED, DECLARED, midnight(DAY0.plusDays(4))),
                only(state));
        assertEquals(midnight(DAY0.plusDays(4)), state.quarantineUntil());
    }

    @Test
    void aRegionMarkedHighAfterTheDeclarationCountsFromTheMarking() {
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(3), DECLARED);
        assertEquals(Colour.GREEN, evaluate(DECLARED.plusSeconds(1)).colour());

        Instant marked = at(DAY0, 15);
        mark("420106", RiskLevel.HIGH, marked);
        RiskState state = evaluate(marked.plusSeconds(1));

        assertEquals(new Reason(ReasonCode.HIGH_RISK_TRAVEL, Colour.RED, marked, midnight(DAY0.plusDays(11))),
                only(state));
    }

    @Test
    void aProvinceMarkedHighCoversItsCounties() {
        mark("420000", RiskLevel.HIGH, at(DAY0.minusDays(1), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(1), DECLARED);

        assertEquals(ReasonCode.HIGH_RISK_TRAVEL, only(evaluate(DECLARED.plusSeconds(1))).code());
    }

    @Test
    void aStayOutsideEveryHighRegionIsGreen() {
        mark("420106", RiskLevel.HIGH, at(DAY0.minusDays(1), 9));
        declaration(DECLARED);
        stay("420111", DAY0.minusDays(1), DECLARED);
        stay("420100", DAY0.minusDays(1), DECLARED); // the whole city is not within one of its counties

        assertEquals(Colour.GREEN, evaluate(DECLARED.plusSeconds(1)).colour());
    }

    @Test
    void aLaterDeclarationWithoutTheStayDoesNotEraseIt() {
        mark("420106", RiskLevel.HIGH, at(DAY0.minusDays(1), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(1), DECLARED);
        evaluate(DECLARED.plusSeconds(1));
        declaration(at(DAY0.plusDays(1), 9));

        RiskState state = evaluate(at(DAY0.plusDays(1), 9).plusSeconds(1));

        assertEquals(new Reason(ReasonCode.HIGH_RISK_TRAVEL, Colour.RED, DECLARED, midnight(DAY0.plusDays(13))),
                only(state));
    }

    @Test
    void aStayEndedBeforeTheLookBackIsIgnored() {
        RiskEvaluator longer = new RiskEvaluator(new RuleSet(1, Map.of(ReasonCode.HIGH_RISK_TRAVEL,
                new RuleSet.ReasonRule(Colour.RED, 30)), rules.symptoms(), 2, 14), ZONE);
        mark("420106", RiskLevel.HIGH, at(DAY0.minusDays(40), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(15), DECLARED);

        RiskState state = longer.evaluate(new Facts(submissions, travel), RegionRisks.of(areas), List.of(),
                DECLARED.plusSeconds(1));

        assertEquals(Colour.GREEN, state.colour());
    }

    @Test
    void itEndsWhenTheRegionIsNoLongerHigh() {
        mark("420106", RiskLevel.HIGH, at(DAY0.minusDays(1), 9));
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(1), DECLARED);
        evaluate(DECLARED.plusSeconds(1));
        areas.clear();
        mark("420106", RiskLevel.LOW, at(DAY0, 11));

        assertEquals(Colour.GREEN, evaluate(at(DAY0, 11).plusSeconds(1)).colour());
    }
}
