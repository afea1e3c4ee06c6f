package org.healthcode.declaration.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
}
