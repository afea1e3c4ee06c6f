package org.healthcode.risk.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
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
 *
 * <p>An authority sets any region of the country, not only its own province's: the levels are the
 * national list of risk areas, and a resident's travel anywhere is judged by it. Every change is
 * audited in the same transaction (who, which region, from which level to which), in the
 * authority's province's trail.
 */
@ApplicationScoped
public class RegionRiskService {

    public static final String REGION_RISK_SET = "REGION_RISK_SET";
    private static final Logger LOG = Logger.getLogger(RegionRiskService.class);

    private final RegionRiskRepository regions;
    private final RiskStateRepository states;
    private final RuleSetRepository ruleSets;
    private final Clock clock;
    private final LocalCalendar calendar;
    private final AuditTrail audit;

    public RegionRiskService(RegionRiskRepository regions, RiskStateRepository states, RuleSetRepository ruleSets,
            Clock clock, RiskConfig config, AuditTrail audit) {
        this.audit = audit;
        this.regions = regions;
        this.states = states;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.calendar = new LocalCalendar(config.timeZone());
    }

    /** Sets the level as {@code actor}, an authority of {@code actorProvince}; a level that changes nothing is not recorded. */
    @WithTransaction
    public Uni<RegionRiskRow> set(String regionCode, RiskLevel level, String actor, String actorProvince) {
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
            if (before == level) {
                return saved; // a first LOW: stored, but nothing changed for anyone
            }
            return saved.call(() -> audit.recordWithin(new AuditEntry(now, actor, REGION_RISK_SET, Outcome.CHANGED,
                            null, regionCode, actorProvince, before + " -> " + level)))
                    .call(() -> markTravellersDue(regionCode, level, now));
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
