package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuarantineTest {

    private static final LocalCalendar CALENDAR = new LocalCalendar(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate DAY0 = LocalDate.of(2026, 11, 22);
    private static final Instant SINCE = DAY0.atTime(10, 0).atZone(CALENDAR.zone()).toInstant();
    private static final Instant UNTIL = CALENDAR.startOf(DAY0.plusDays(3));

    @Test
    void aSubmissionOnEveryQuarantineDayEndsItOnTime() {
        Set<LocalDate> days = Set.of(DAY0, DAY0.plusDays(1), DAY0.plusDays(2));

        assertEquals(UNTIL, Quarantine.effectiveUntil(SINCE, UNTIL, days, DAY0.plusDays(3), CALENDAR));
    }

    @Test
    void eachMissedPastDayAddsADayThatNeedsASubmissionToo() {
        Set<LocalDate> days = new HashSet<>(Set.of(DAY0, DAY0.plusDays(2)));

        assertEquals(CALENDAR.startOf(DAY0.plusDays(4)),
                Quarantine.effectiveUntil(SINCE, UNTIL, days, DAY0.plusDays(3), CALENDAR), "day 1 missed");
        assertEquals(CALENDAR.startOf(DAY0.plusDays(5)),
                Quarantine.effectiveUntil(SINCE, UNTIL, days, DAY0.plusDays(4), CALENDAR), "the added day 3 missed too");
        days.add(DAY0.plusDays(3));
        assertEquals(CALENDAR.startOf(DAY0.plusDays(4)),
                Quarantine.effectiveUntil(SINCE, UNTIL, days, DAY0.plusDays(4), CALENDAR), "the added day checked in");
    }

    @Test
    void todayIsNotMissedYet() {
        assertEquals(UNTIL, Quarantine.effectiveUntil(SINCE, UNTIL, Set.of(DAY0), DAY0.plusDays(1), CALENDAR));
    }

    @Test
    void aReasonLearnedAfterItsEndHasNoQuarantineDays() {
        Instant lateSince = CALENDAR.startOf(DAY0.plusDays(5));

        assertEquals(UNTIL, Quarantine.effectiveUntil(lateSince, UNTIL, Set.of(), DAY0.plusDays(9), CALENDAR));
    }
}
