package org.healthcode.declaration.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.healthcode.declaration.DeclarationConfig;

/** Platform time, and what day it is in the province (dates people declare are local dates). */
@ApplicationScoped
public class ProvinceCalendar {

    private final Clock clock;
    private final DeclarationConfig config;

    public ProvinceCalendar(Clock clock, DeclarationConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.timeZone());
    }

    /** When today began in the province. */
    public Instant startOfToday() {
        return today().atStartOfDay(config.timeZone()).toInstant();
    }

    /** When yesterday began in the province. */
    public Instant startOfYesterday() {
        return today().minusDays(1).atStartOfDay(config.timeZone()).toInstant();
    }

    /** Now, at the precision PostgreSQL keeps, so what is stored equals what is published. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * An ISO-8601 date-time as an authority's file gives it, to the second: with an offset as it says, without
     * one in the province's time zone. Throws {@link DateTimeException} when it is neither.
     */
    public Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(text).atZone(config.timeZone()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
    }
}
