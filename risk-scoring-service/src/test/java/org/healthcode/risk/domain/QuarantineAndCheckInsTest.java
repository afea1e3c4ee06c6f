package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Leaving a timed colour needs a submission on every quarantine day; a missed day adds one. */
class QuarantineAndCheckInsTest extends EvaluatorFixture {

    void checkInOnDays(int from, int to, int... skipped) {
        IntStream.rangeClosed(from, to).filter(d -> IntStream.of(skipped).noneMatch(s -> s == d))
                .forEach(d -> checkIn(at(DAY0.plusDays(d), 9)));
    }

    @Test
    void fourteenDailyCheckInsEndAFourteenDayRedOnTime() {
        declaration(DECLARED, true, null, 0);
        checkInOnDays(1, 13);

        assertEquals(midnight(DAY0.plusDays(14)), only(evaluate(at(DAY0.plusDays(13), 12))).until());
        assertEquals(Colour.GREEN, evaluate(midnight(DAY0.plusDays(14)).plusSeconds(1)).colour());
    }

    @Test
    void aMissedDayEndsItADayLaterAndThatDayNeedsACheckInToo() {
        declaration(DECLARED, true, null, 0);
        checkInOnDays(1, 13, 5);

        assertEquals(midnight(DAY0.plusDays(15)), only(evaluate(at(DAY0.plusDays(13), 12))).until());
        assertEquals(Colour.RED, evaluate(midnight(DAY0.plusDays(14)).plusSeconds(1)).colour());
        assertEquals(midnight(DAY0.plusDays(16)), only(evaluate(midnight(DAY0.plusDays(15)).plusSeconds(1))).until(),
                "the added day 14 was missed as well");
        checkInOnDays(15, 15);
        assertEquals(Colour.GREEN, evaluate(midnight(DAY0.plusDays(16)).plusSeconds(1)).colour());
    }

    @Test
    void todayIsNotMissedBeforeItEnds() {
        declaration(DECLARED, true, null, 0);
        checkInOnDays(1, 2);

        assertEquals(midnight(DAY0.plusDays(14)), only(evaluate(at(DAY0.plusDays(3), 8))).until());
    }

    @Test
    void aReasonLearnedAfterItsPeriodEndedStartsNothing() {
        declaration(DECLARED);
        stay("420106", DAY0.minusDays(1), DECLARED);
        mark("420106", RiskLevel.MEDIUM, at(DAY0.plusDays(8), 9));

        assertEquals(Colour.GREEN, evaluate(at(DAY0.plusDays(8), 10)).colour());
    }

    @Test
    void aRunningReasonKeepsTheStartItWasFirstSeenWith() {
        Instant firstSeen = at(DAY0, 8);
        declaration(DECLARED, true, null, 0);
        previous = List.of(new Reason(ReasonCode.DECLARED_CONTACT, Colour.RED, firstSeen,
                midnight(DAY0.plusDays(14))));

        assertEquals(firstSeen, only(evaluate(DECLARED.plusSeconds(1))).since());
    }

    @Test
    void anEndedReasonDoesNotLendItsStartToANewOne() {
        declaration(DECLARED, true, null, 0);
        previous = List.of(new Reason(ReasonCode.DECLARED_CONTACT, Colour.RED, at(DAY0.minusDays(30), 8),
                midnight(DAY0.minusDays(16))));

        assertEquals(DECLARED, only(evaluate(DECLARED.plusSeconds(1))).since());
    }
}
