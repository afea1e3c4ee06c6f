package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where today's submission stands: done today, due today, or a day already missed. */
class CheckinStatusTest {

    private static final Instant TODAY = Instant.parse("2026-12-05T16:00:00Z"); // 00:00 in Asia/Shanghai
    private static final Instant LAST_WEEK = TODAY.minusSeconds(7 * 86_400);

    @Test
    void aSubmissionTodayIsDoneWhateverCameBefore() {
        assertEquals(CheckinStatus.DONE, CheckinStatus.of(true, false, LAST_WEEK, TODAY));
        assertEquals(CheckinStatus.DONE, CheckinStatus.of(true, true, LAST_WEEK, TODAY));
    }

    @Test
    void nothingYetTodayAfterYesterdaysIsDue() {
        assertEquals(CheckinStatus.DUE, CheckinStatus.of(false, true, LAST_WEEK, TODAY));
    }

    @Test
    void nothingTodayNorYesterdayIsMissedUnlessThePersonRegisteredOnlyToday() {
        assertEquals(CheckinStatus.MISSED, CheckinStatus.of(false, false, LAST_WEEK, TODAY));
        assertEquals(CheckinStatus.MISSED, CheckinStatus.of(false, false, TODAY.minusSeconds(60), TODAY));
        assertEquals(CheckinStatus.DUE, CheckinStatus.of(false, false, TODAY.plusSeconds(60), TODAY));
        assertEquals(CheckinStatus.DUE, CheckinStatus.of(false, false, TODAY, TODAY));
    }
}
