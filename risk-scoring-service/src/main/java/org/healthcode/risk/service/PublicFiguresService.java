package org.healthcode.risk.service;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.healthcode.kit.region.Regions;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.LocalCalendar;
import org.healthcode.risk.domain.PublicCount;
import org.healthcode.risk.domain.RegionSpan;
import org.healthcode.risk.domain.RiskLevel;

/**
 * A region's public epidemic figures, from what this service already holds: region risk levels,
 * the cases contact-trace reported ({@code case-confirmed}, located by their region or the
 * subject's home region) and the current codes. One statement of aggregates per region, kept for
 * the figures' max age (cache {@code public-figures}); small counts are only "fewer than".
 */
@ApplicationScoped
public class PublicFiguresService {

    /** Cases newly confirmed or suspected today and over the last 7 days (today included). */
    public record CaseFigures(PublicCount today, PublicCount last7Days) {
    }

    /** Current codes of the region's residents, by colour. */
    public record CodeFigures(PublicCount green, PublicCount yellow, PublicCount red) {
    }

    /**
     * {@code riskLevel}: the level that applies to the whole region (its own, or that of the city or
     * province it lies within); {@code highestRiskWithin}: the highest level of any area within it.
     */
    public record Figures(String regionCode, String regionName, RiskLevel riskLevel, RiskLevel highestRiskWithin,
            CaseFigures confirmed, CaseFigures suspected, CodeFigures codes, LocalDate today, Instant asOf) {
    }

    private static final String LEVEL = "case level when 'HIGH' then 2 when 'MEDIUM' then 1 else 0 end";

    // $1, $2: the region's code range; $3: start of today; $4: start of the 7 days; $5: the areas around it
    private static final String FIGURES = """
            select
              (select count(distinct case_id) from case_decision
                where region_code between $1 and $2 and status = 'CONFIRMED' and decided_at >= $3) as confirmed_today,
              (select count(distinct case_id) from case_decision
                where region_code between $1 and $2 and status = 'CONFIRMED' and decided_at >= $4) as confirmed_week,
              (select count(distinct case_id) from case_decision
                where region_code between $1 and $2 and status = 'SUSPECTED' and decided_at >= $3) as suspected_today,
              (select count(distinct case_id) from case_decision
                where region_code between $1 and $2 and status = 'SUSPECTED' and decided_at >= $4) as suspected_week,
              (select count(*) from risk_state where region_code between $1 and $2 and colour = 'GREEN') as green,
              (select count(*) from risk_state where region_code between $1 and $2 and colour = 'YELLOW') as yellow,
              (select count(*) from risk_state where region_code between $1 and $2 and colour = 'RED') as red,
              (select coalesce(max(%1$s), 0) from region_risk where region_code = any($5)) as level_around,
              (select coalesce(max(%1$s), 0) from region_risk where region_code between $1 and $2) as level_within
            """.formatted(LEVEL);

    private static final RiskLevel[] LEVELS = {RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH};

    private final Pool pool;
    private final Clock clock;
    private final LocalCalendar calendar;
    private final int threshold;

    public PublicFiguresService(Pool pool, Clock clock, RiskConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.calendar = new LocalCalendar(config.timeZone());
        this.threshold = config.figures().threshold();
    }

    /** The figures of {@code regionCode}, a known GB/T 2260 code (checked by the caller). */
    @CacheResult(cacheName = "public-figures")
    public Uni<Figures> of(String regionCode) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = calendar.dayOf(now);
        RegionSpan span = RegionSpan.of(regionCode);
        String[] around = {regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000"};
        Tuple values = Tuple.tuple().addValue(span.first()).addValue(span.last())
                .addValue(utc(calendar.startOf(today))).addValue(utc(calendar.startOf(today.minusDays(6))))
                .addValue(around);
        return pool.preparedQuery(FIGURES).execute(values).map(rows -> {
            Row row = rows.iterator().next();
            return new Figures(regionCode, Regions.table().find(regionCode).map(Regions.Region::name).orElse(null),
                    LEVELS[row.getInteger("level_around")], LEVELS[row.getInteger("level_within")],
                    new CaseFigures(count(row, "confirmed_today"), count(row, "confirmed_week")),
                    new CaseFigures(count(row, "suspected_today"), count(row, "suspected_week")),
                    new CodeFigures(count(row, "green"), count(row, "yellow"), count(row, "red")),
                    today, now);
        });
    }

    private PublicCount count(Row row, String column) {
        return PublicCount.of(row.getLong(column), threshold);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
