package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SPATIOTEMPORAL (same venue, wider window, not close): yellow until the local day 7 days after the exposure. */
class SpatiotemporalTest extends EvaluatorFixture {

    static final Instant EXPOSED = at(DAY0.minusDays(3), 10);
    static final Instant TRACED = at(DAY0, 11);

    @Test
    void sameVenueSameWindowButNotCloseIsYellowForSevenDays() {
        contact(1, Exposure.SPATIOTEMPORAL, EXPOSED, TRACED);

        RiskState state = evaluate(TRACED.plusSeconds(1));

        assertEquals(Colour.YELLOW, state.colour());
        assertEquals(new Reason(ReasonCode.SPATIOTEMPORAL, Colour.YELLOW, TRACED, midnight(DAY0.plusDays(4))),
                only(state));
    }

    @Test
    void itEndsOnTimeWithDailyCheckInsAndTheCodeTurnsGreen() {
        contact(1, Exposure.SPATIOTEMPORAL, EXPOSED, TRACED);
        declaration(at(DAY0, 12));
        IntStream.rangeClosed(1, 3).forEach(d -> checkIn(at(DAY0.plusDays(d), 9)));

        assertEquals(Colour.YELLOW, evaluate(at(DAY0.plusDays(3), 10)).colour());
        assertEquals(Colour.GREEN, evaluate(midnight(DAY0.plusDays(4)).plusSeconds(1)).colour());
    }
}
