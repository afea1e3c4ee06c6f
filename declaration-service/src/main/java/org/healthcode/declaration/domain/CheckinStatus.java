package org.healthcode.declaration.domain;

import java.time.Instant;

/**
 * Where a person stands with today's daily submission, in the province's days. Any submission counts
 * (a declaration or a daily check-in), as it does for leaving yellow or red (DESIGN.md, Rules).
 */
public enum CheckinStatus {
    /** Submitted since today began. */
    DONE,
    /** Not yet today, and yesterday's was made (or the person registered only today). */
    DUE,
    /** Nothing today and nothing yesterday, though registered before today: a day already missed. */
    MISSED;

    public static CheckinStatus of(boolean today, boolean yesterday, Instant registeredAt, Instant startOfToday) {
        if (today) {
            return DONE;
        }
        return yesterday || !registeredAt.isBefore(startOfToday) ? DUE : MISSED;
    }
}
