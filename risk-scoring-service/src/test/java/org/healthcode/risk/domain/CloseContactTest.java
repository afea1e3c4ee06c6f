package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** CLOSE_CONTACT (degree 1, close or same carriage): red until the local day 14 days after the last exposure. */
class CloseContactTest extends EvaluatorFixture {

    static final Instant EXPOSED = at(DAY0.minusDays(2), 22);
    static final Instant TRACED = at(DAY0, 11);

    @Test
    void aCloseContactIsRedUntilFourteenDaysAfterTheDayOfTheLastExposure() {
        contact(1, Exposure.CLOSE, EXPOSED, TRACED);

        RiskState state = evaluate(TRACED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertEquals(new Reason(ReasonCode.CLOSE_CONTACT, Colour.RED, TRACED, midnight(DAY0.plusDays(12))),
                only(state));
        assertEquals(midnight(DAY0.plusDays(12)), state.quarantineUntil());
    }

    @Test
    void theLocalDayCountsNotTheUtcOne() {
        contact(1, Exposure.CLOSE, Instant.parse("2026-11-19T17:30:00Z"), TRACED); // 20 Nov, 01:30 in Shanghai

        assertEquals(midnight(DAY0.minusDays(2).plusDays(14)), only(evaluate(TRACED.plusSeconds(1))).until());
    }

    @Test
    void theSameCarriageOfATripIsACloseContact() {
        contact(1, Exposure.TRANSPORT, EXPOSED, TRACED);

        assertEquals(ReasonCode.CLOSE_CONTACT, only(evaluate(TRACED.plusSeconds(1))).code());
    }

    @Test
    void aSubjectWhoNeverDeclaredIsColouredAllTheSame() {
        contact(1, Exposure.CLOSE, EXPOSED, TRACED);

        RiskState state = evaluate(TRACED.plusSeconds(1));

        assertEquals(Colour.RED, state.colour());
        assertNull(state.validUntil(), "no declaration yet");
        assertFalse(state.gold());
    }

    @Test
    void missedCheckInDaysExtendIt() {
        contact(1, Exposure.CLOSE, EXPOSED, TRACED);
        evaluate(TRACED.plusSeconds(1));
        IntStream.rangeClosed(1, 4).filter(d -> d != 2).forEach(d -> checkIn(at(DAY0.plusDays(d), 9)));

        assertEquals(midnight(DAY0.plusDays(14)), only(evaluate(at(DAY0.plusDays(5), 8))).until(),
                "the day it became known and day 2 were missed");
    }

    @Test
    void theLatestExposureOfSeveralCases() {
        contact(1, Exposure.CLOSE, EXPOSED, TRACED);
        contacts.add(new Contact("case-2", 1, Exposure.CLOSE, at(DAY0, 9), at(DAY0, 12)));

        RiskState state = evaluate(at(DAY0, 13));

        assertEquals(new Reason(ReasonCode.CLOSE_CONTACT, Colour.RED, TRACED, midnight(DAY0.plusDays(14))),
                only(state));
    }

    @Test
    void aContactTracedAfterItsPeriodEndedStartsNothing() {
        contact(1, Exposure.CLOSE, at(DAY0.minusDays(15), 9), TRACED);

        assertEquals(Colour.GREEN, evaluate(TRACED.plusSeconds(1)).colour());
    }
}
