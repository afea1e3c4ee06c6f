package org.healthcode.risk.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.ColourChanges;
import org.healthcode.risk.domain.RuleSet;
import org.healthcode.risk.domain.RuleSetSchedule;
import org.healthcode.risk.repository.RiskStateRepository;
import org.healthcode.risk.repository.RuleSetRepository;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * A province's rule versions: listed with their status, dry-run against the province's subjects,
 * published ahead of their effective time. A published version marks the province's subjects due
 * at its effective time, so that the review job re-evaluates them under it then.
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);

    public static final String PUBLISHED = "RULE_SET_PUBLISHED";

    /** A version as a province sees it. */
    public record Listed(RuleSetRepository.Stored stored, RuleSetSchedule.Status status) {
    }

    /** A version just published. */
    public record Published(String province, int version, Instant effectiveFrom) {
    }

    /** What a definition would do to the province's subjects now. */
    public record DryRun(String province, long subjects, List<ColourChanges.Change> changes, long unchanged) {
    }

    private final RuleSetRepository ruleSets;
    private final RiskStateRepository states;
    private final RiskService risk;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration leadTime;
    private final int dryRunBatch;

    public RuleSetService(RuleSetRepository ruleSets, RiskStateRepository states, RiskService risk, AuditTrail audit,
            Clock clock, RiskConfig config) {
        this.ruleSets = ruleSets;
        this.states = states;
        this.risk = risk;
        this.audit = audit;
        this.clock = clock;
        this.leadTime = config.rules().leadTime();
        this.dryRunBatch = config.rules().dryRunBatchSize();
    }

    /** The province's versions and the default ones, oldest effective first, each with its status now. */
    @WithSession
    public Uni<List<Listed>> versions(String province) {
        Instant now = clock.instant();
        return ruleSets.versions(province).map(stored -> {
            RuleSetSchedule schedule = schedule(province, stored);
            return stored.stream().map(s -> new Listed(s, schedule.statusOf(version(s), now))).toList();
        });
    }

    /**
     * Every coloured subject of the province evaluated now under {@code rules} against their
     * current colour, a batch at a time. Nothing is stored or published.
     */
    public Uni<DryRun> dryRun(String province, RuleSet rules) {
        long start = System.nanoTime();
        return Panache.withSession(() -> tally(province, rules, null, new ColourChanges()))
                .map(tally -> new DryRun(province, tally.subjects(), tally.changes(), tally.unchanged()))
                .invoke(run -> LOG.infof("Dry run for %s: %d subjects, %d would change, %d ms", province,
                        run.subjects(), run.subjects() - run.unchanged(), (System.nanoTime() - start) / 1_000_000));
    }

    private Uni<ColourChanges> tally(String province, RuleSet rules, String after, ColourChanges tally) {
        return states.ofProvince(province, after, dryRunBatch).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(tally);
            }
            return risk.preview(rows, rules).chain(previews -> {
                rows.forEach(row -> tally.add(row.colour, previews.get(row.subjectId).colour()));
                String last = rows.get(rows.size() - 1).subjectId;
                // what was read is not needed again: keep the session small however large the province
                return Panache.getSession().invoke(Mutiny.Session::clear)
                        .chain(() -> rows.size() < dryRunBatch ? Uni.createFrom().item(tally)
                                : tally(province, rules, last, tally));
            });
        });
    }

    /**
     * Publishes {@code definition} (already checked) as the province's next version, effective at
     * {@code effectiveFrom}: at least the lead time ahead, and after every version the province
     * already has. Audited in the same transaction.
     */
    public Uni<Published> publish(String province, JsonNode definition, Instant effectiveFrom, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant effective = effectiveFrom.truncatedTo(ChronoUnit.MILLIS);
        if (effective.isBefore(now.plus(leadTime))) {
            throw new ApiException(400, "TOO_SOON", "A rule version must be published at least " + leadTime.toHours()
                    + " hours before it takes effect", List.of(new ApiError.Detail("effectiveFrom",
                    "must be at least " + leadTime.toHours() + " hours from now")));
        }
        return Panache.withTransaction(() -> ruleSets.lockForPublication()
                .chain(() -> ruleSets.versions(province))
                .chain(stored -> {
                    RuleSetSchedule schedule = schedule(province, stored);
                    schedule.laterScheduled(effective).ifPresent(blocking -> {
                        throw new ApiException(409, "SCHEDULE_CONFLICT", "Version " + blocking.version()
                                + " takes effect at or after that time; a new version must take effect later",
                                List.of(new ApiError.Detail("effectiveFrom", "must be after "
                                        + blocking.effectiveFrom())));
                    });
                    int version = schedule.nextVersion();
                    return ruleSets.insert(province, version, effective, definition.toString(), actor, now)
                            .chain(() -> states.markProvinceDue(province, effective))
                            .call(due -> audit.recordWithin(new AuditEntry(now, actor, PUBLISHED, Outcome.CHANGED,
                                    null, "v" + version, province, "effectiveFrom=" + effective)))
                            .invoke(due -> LOG.infof("Rule set v%d for %s takes effect at %s; %d subjects marked "
                                    + "due then, the others are due sooner", version, province, effective, due))
                            .replaceWith(new Published(province, version, effective));
                }));
    }

    private static RuleSetSchedule schedule(String province, List<RuleSetRepository.Stored> stored) {
        return new RuleSetSchedule(province, stored.stream().map(RuleSetService::version).toList());
    }

    private static RuleSetSchedule.Version version(RuleSetRepository.Stored stored) {
        return new RuleSetSchedule.Version(stored.province(), stored.version(), stored.effectiveFrom());
    }
}
