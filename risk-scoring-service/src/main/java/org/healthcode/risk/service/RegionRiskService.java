package org.healthcode.risk.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.LocalCalendar;
import org.healthcode.risk.domain.RegionSpan;
import org.healthcode.risk.domain.RiskLevel;
import org.healthcode.risk.repository.RegionRiskRepository;
import org.healthcode.risk.repository.RegionRiskRow;
import org.healthcode.risk.repository.RiskStateRepository;
import org.healthcode.risk.repository.RuleSetRepository;
import org.jboss.logging.Logger;

/**
 * Region risk levels. A change does not re-evaluate anyone itself: it marks every subject with a
 * stay within the region in the look-back as due, and the review job takes them in batches.
 */
@ApplicationScoped
public class RegionRiskService {

    private static final Logger LOG = Logger.getLogger(RegionRiskService.class);

    private final RegionRiskRepository regions;
    private final RiskStateRepository states;
    private final RuleSetRepository ruleSets;
    private final Clock clock;
    private final LocalCalendar calendar;

    public RegionRiskService(RegionRiskRepository regions, RiskStateRepository states, RuleSetRepository ruleSets,
            Clock clock, RiskConfig config) {
        this.regions = regions;
        this.states = states;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.calendar = new LocalCalendar(config.timeZone());
    }

    @WithTransaction
    public Uni<RegionRiskRow> set(String regionCode, RiskLevel level) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return regions.findById(regionCode).chain(existing -> {
            RiskLevel before = existing == null ? RiskLevel.LOW : existing.level;
            if (existing != null && existing.level == level) {
                return Uni.createFrom().item(existing);
            }
            RegionRiskRow row = existing != null ? existing : new RegionRiskRow();
            row.regionCode = regionCode;
            row.level = level;
            row.updatedAt = now;
            Uni<RegionRiskRow> saved = existing != null ? Uni.createFrom().item(row) : regions.persist(row);
            return before == level ? saved : saved.call(() -> markTravellersDue(regionCode, level, now));
        });
    }

    @WithSession
    public Uni<List<RegionRiskRow>> elevated() {
        return regions.elevated();
    }

    private Uni<Integer> markTravellersDue(String regionCode, RiskLevel level, Instant now) {
        RegionSpan span = RegionSpan.of(regionCode);
        return ruleSets.longestLookBackDays(now)
                .chain(days -> states.markTravellersDue(span.first(), span.last(),
                        calendar.dayOf(now).minusDays(days == null ? 0 : days), now))
                .invoke(due -> LOG.infof("Region %s is now %s; %d subjects due for review", regionCode, level, due));
    }
}
