package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Days as the province lives them: quarantine days and validity end at local midnight. */
public record LocalCalendar(ZoneId zone) {

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant nextMidnight(Instant instant) {
        return startOf(dayOf(instant).plusDays(1));
    }
}
