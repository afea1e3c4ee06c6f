package org.healthcode.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DateSpan} and {@link InstantSpan}: the one way a request's dates and instants are read. */
class TimeSpanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    private final List<ApiError.Detail> problems = new ArrayList<>();

    @Test
    void aPastSpanTakesTodayBackToItsLastDayAndNothingElse() {
        DateSpan lastYear = DateSpan.past(365);
        assertEquals(TODAY, lastYear.parse("2026-11-22", "onsetDate", TODAY, problems::add));
        assertEquals(LocalDate.of(2025, 11, 22), lastYear.parse("2025-11-22", "onsetDate", TODAY, problems::add));
        assertTrue(problems.isEmpty());

        for (String refused : new String[] {"2026-11-23", "2025-11-21", "0001-01-01", "+99999-01-01", "9999-12-31",
                "-0001-01-01", "2026-02-30", "22/11/2026", "2026-11-22T00:00:00Z", ""}) {
            problems.clear();
            assertNull(lastYear.parse(refused, "onsetDate", TODAY, problems::add), refused);
            assertEquals(List.of(new ApiError.Detail("onsetDate",
                    "must be a date written yyyy-MM-dd, not in the future and at most 365 days back")), problems, refused);
        }
    }

    @Test
    void aSpanAroundTodayNamesBothEnds() {
        DateSpan trips = new DateSpan(3, 30);
        assertEquals(TODAY.minusDays(3), trips.parse("2026-11-19", "tripDate", TODAY, problems::add));
        assertEquals(TODAY.plusDays(30), trips.parse("2026-12-22", "tripDate", TODAY, problems::add));
        assertNull(trips.parse("2026-12-23", "tripDate", TODAY, problems::add));
        assertNull(trips.parse("2026-11-18", "tripDate", TODAY, problems::add));
        assertEquals(2, problems.size());
        assertEquals("must be a date written yyyy-MM-dd, at most 3 days back and at most 30 days ahead",
                problems.get(0).problem());
    }

    @Test
    void anAbsentDateIsLeftToTheCaller() {
        assertNull(DateSpan.past(14).parse(null, "to", TODAY, problems::add));
        assertTrue(problems.isEmpty());
    }

    @Test
    void aFutureSpanTakesOnlyInstantsAfterNowUpToItsEnd() {
        InstantSpan month = InstantSpan.future(Duration.ofDays(30));
        assertEquals(NOW.plusSeconds(1), month.parse("2026-11-22T04:00:01Z", "until", NOW, problems::add));
        assertEquals(NOW.plus(Duration.ofDays(30)), month.parse("2026-12-22T12:00:00+08:00", "until", NOW, problems::add));
        assertTrue(problems.isEmpty());

        for (String refused : new String[] {"2026-11-22T04:00:00Z", "2026-12-22T04:00:01Z", "0001-01-01T00:00:00Z",
                "+100000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-12-01", "2026-12-01T00:00:00",
                "tomorrow"}) {
            problems.clear();
            assertNull(month.parse(refused, "until", NOW, problems::add), refused);
            assertEquals(List.of(new ApiError.Detail("until",
                    "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, in the future and at most 30 days ahead")),
                    problems, refused);
        }
    }

    @Test
    void aSpanReachingBackTakesThePastToo() {
        InstantSpan audit = new InstantSpan(Duration.ofDays(3650), Duration.ofDays(1));
        assertEquals(NOW.minus(Duration.ofDays(3650)), audit.parse(NOW.minus(Duration.ofDays(3650)).toString(), "from",
                NOW, problems::add));
        assertEquals(NOW, audit.parse(NOW.toString(), "from", NOW, problems::add));
        assertTrue(problems.isEmpty());
        assertNull(audit.parse("1970-01-01T00:00:00Z", "from", NOW, problems::add));
        assertEquals("must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, at most 3650 days back and at most 1 day"
                + " ahead", problems.get(0).problem());
        problems.clear();
        assertNull(audit.parse(" ", "from", NOW, problems::add));
        assertTrue(problems.isEmpty());
    }
}
