package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Leaving a timed colour needs its quarantine days to pass and a submission (declaration or
 * check-in) on each of them. The quarantine days of a reason are the local dates from the day it
 * became known to the day before it ends; each past day without a submission adds a day at the
 * end, and that added day needs a submission too.
 */
public final class Quarantine {

    private Quarantine() {
    }

    public static Instant effectiveUntil(Instant since, Instant until, Set<LocalDate> submissionDays, LocalDate today,
            LocalCalendar calendar) {
        LocalDate end = calendar.dayOf(until);
        int missed = 0;
        for (LocalDate day = calendar.dayOf(since); day.isBefore(end.plusDays(missed)); day = day.plusDays(1)) {
            if (day.isBefore(today) && !submissionDays.contains(day)) {
                missed++;
            }
        }
        return until.atZone(calendar.zone()).plusDays(missed).toInstant();
    }
}
