package org.healthcode.risk.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.event.Outbox;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.Facts;
import org.healthcode.risk.domain.Reason;
import org.healthcode.risk.domain.RegionRisks;
import org.healthcode.risk.domain.RiskEvaluator;
import org.healthcode.risk.domain.RiskState;
import org.healthcode.risk.domain.RuleSet;
import org.healthcode.risk.event.RiskRecalculated;
import org.healthcode.risk.repository.CaseDecisionRepository;
import org.healthcode.risk.repository.ContactRepository;
import org.healthcode.risk.repository.OverrideRepository;
import org.healthcode.risk.repository.RegionRiskRepository;
import org.healthcode.risk.repository.RegionRiskRow;
import org.healthcode.risk.repository.RiskStateRepository;
import org.healthcode.risk.repository.RiskStateRow;
import org.healthcode.risk.repository.RuleSetRepository;
import org.healthcode.risk.repository.StoredReasons;
import org.healthcode.risk.repository.SubmissionRepository;
import org.healthcode.risk.repository.TravelRepository;
import org.jboss.logging.Logger;

/**
 * Re-evaluates a subject and, when what a holder or checkpoint sees changed, publishes
 * {@code risk-recalculated} and writes {@code COLOUR_CHANGED} to the audit trail, from the same
 * transaction.
 */
@ApplicationScoped
public class RiskService {

    /** The actor of changes the review job makes with time (or after a region change). */
    public static final String REVIEW_JOB = "risk-review";

    /**
     * Who or what changes states, for the audit trail: {@code actor} (null: the review job, or
     * {@code rule-set-v<n>} when a new rule version made the change), the {@code cause} when no
     * inbound event did, and the {@code object} concerned (an override id).
     */
    public record Origin(String actor, String cause, String object) {

        /** An inbound event: the cause is each subject's event id. */
        public static final Origin EVENT = new Origin("event", null, null);

        /** The review job: time passed, a region's level or the rule version changed. */
        public static final Origin REVIEW = new Origin(null, "review", null);

        /** An authority approved an override. */
        public static Origin override(String approver, String overrideId) {
            return new Origin(approver, "override:" + overrideId, overrideId);
        }
    }

    /** A subject whose colour an evaluation changed (or gave for the first time), and the event that caused it. */
    public record Recoloured(String subjectId, String province, String causeEventId) {
    }

    private static final Logger LOG = Logger.getLogger(RiskService.class);

    private final RiskStateRepository states;
    private final SubmissionRepository submissions;
    private final TravelRepository travel;
    private final ContactRepository contacts;
    private final CaseDecisionRepository cases;
    private final RegionRiskRepository regions;
    private final RuleSetRepository ruleSets;
    private final OverrideRepository overrides;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final RiskConfig config;

    public RiskService(RiskStateRepository states, SubmissionRepository submissions, TravelRepository travel,
            ContactRepository contacts, CaseDecisionRepository cases, RegionRiskRepository regions,
            RuleSetRepository ruleSets, OverrideRepository overrides, Outbox outbox, AuditTrail audit,
            Clock clock, RiskConfig config) {
        this.states = states;
        this.submissions = submissions;
        this.travel = travel;
        this.contacts = contacts;
        this.cases = cases;
        this.regions = regions;
        this.ruleSets = ruleSets;
        this.overrides = overrides;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** The subject's state row, locked for this transaction; a new, uncoloured one if none. */
    public Uni<RiskStateRow> lock(String subjectId) {
        return lockAll(List.of(subjectId)).map(rows -> rows.get(subjectId));
    }

    /**
     * These subjects' state rows, locked for this transaction (in subject order, so that batches
     * never deadlock); new, uncoloured ones for subjects seen for the first time.
     */
    public Uni<Map<String, RiskStateRow>> lockAll(Collection<String> subjectIds) {
        List<String> sorted = subjectIds.stream().distinct().sorted().toList();
        return states.createMissing(sorted).chain(() -> states.forUpdate(sorted)).map(found -> {
            Map<String, RiskStateRow> rows = new LinkedHashMap<>();
            found.forEach(row -> rows.put(row.subjectId, row));
            return rows;
        });
    }

    /**
     * Evaluates the locked subject now, in the current transaction. {@code causeEventId} is the
     * inbound event that led here. Answers the subject if its colour changed.
     */
    public Uni<List<Recoloured>> recalculate(RiskStateRow row, String causeEventId) {
        Map<String, String> causes = new HashMap<>();
        causes.put(row.subjectId, causeEventId);
        return recalculate(List.of(row), causes, Origin.EVENT);
    }

    /**
     * Evaluates the locked subjects now, in the current transaction, loading their facts with one
     * query per kind of fact. {@code causes}: each subject's inbound event that led here (absent:
     * time, a region change, a rule version or an override did); {@code origin}: who or what acts,
     * for the audit trail. Every change is published and audited in this transaction. Answers the
     * subjects whose colour changed.
     */
    public Uni<List<Recoloured>> recalculate(List<RiskStateRow> rows, Map<String, String> causes, Origin origin) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return rulesByProvince(rows, now).chain(rules -> load(rows, row -> rules.get(row.province).rules(), now)
                .chain(loaded -> {
                    List<Outbox.Keyed> events = new ArrayList<>();
                    List<AuditEntry> entries = new ArrayList<>();
                    List<Recoloured> recoloured = new ArrayList<>();
                    for (RiskStateRow row : rows) {
                        InForce inForce = rules.get(row.province);
                        RiskState next = new RiskEvaluator(inForce.rules(), config.timeZone())
                                .evaluate(loaded.facts().get(row.subjectId), loaded.regions(), reasonsOf(row), now);
                        Instant nextReviewAt = earliest(next.nextReviewAt(), inForce.nextChange());
                        apply(row, next, nextReviewAt, now, causes.get(row.subjectId), origin).ifPresent(change -> {
                            events.add(change.event());
                            entries.add(change.audit());
                            if (row.colour != row.previousColour) {
                                recoloured.add(new Recoloured(row.subjectId, row.province, causes.get(row.subjectId)));
                            }
                        });
                    }
                    return audit.recordAllWithin(entries)
                            .chain(() -> outbox.publishAll(RiskRecalculated.TOPIC, events))
                            .replaceWith(List.copyOf(recoloured));
                }));
    }

    /**
     * What these subjects' states would be under {@code rules} now, on their current facts, their
     * running reasons and any override in force. Nothing is stored.
     */
    public Uni<Map<String, RiskState>> preview(List<RiskStateRow> rows, RuleSet rules) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RiskEvaluator evaluator = new RiskEvaluator(rules, config.timeZone());
        return load(rows, row -> rules, now).map(loaded -> {
            Map<String, RiskState> states = new HashMap<>();
            for (RiskStateRow row : rows) {
                states.put(row.subjectId, evaluator.evaluate(loaded.facts().get(row.subjectId), loaded.regions(),
                        reasonsOf(row), now));
            }
            return states;
        });
    }

    /** The rules in force for a province now, and when they next change (null: no version scheduled). */
    private record InForce(RuleSet rules, Instant nextChange) {
    }

    /** Subjects' facts and the region levels, as of now. */
    private record Loaded(Map<String, Facts> facts, RegionRisks regions) {
    }

    /** What one changed state gives: the event to publish and the line of the audit trail. */
    private record Change(Outbox.Keyed event, AuditEntry audit) {
    }

    /** The facts of the subjects, each within the window its rules need, loaded with one query per kind. */
    private Uni<Loaded> load(List<RiskStateRow> rows, Function<RiskStateRow, RuleSet> rules, Instant now) {
        List<String> ids = rows.stream().map(row -> row.subjectId).toList();
        Map<String, Instant> windows = new HashMap<>();
        rows.forEach(row -> windows.put(row.subjectId, windowStart(rules.apply(row), reasonsOf(row), now)));
        Instant from = windows.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        return submissions.forSubjects(ids, from).chain(declared -> travel.forSubjects(ids, from)
                .chain(stays -> contacts.forSubjects(ids, from).chain(traced -> cases.forSubjects(ids)
                .chain(decisions -> overrides.inForce(ids, now).chain(set -> regions.elevated().map(areas ->
                        new Loaded(FactsBySubject.of(windows, declared, stays, traced, decisions, set),
                                RegionRisks.of(areas.stream().map(RegionRiskRow::toAreaRisk).toList()))))))));
    }

    /**
     * The rule set in force for each province among the subjects (a subject without one: any
     * province's), and when it next changes.
     */
    private Uni<Map<String, InForce>> rulesByProvince(List<RiskStateRow> rows, Instant now) {
        Map<String, InForce> rules = new HashMap<>();
        Uni<Void> loaded = Uni.createFrom().voidItem();
        for (String province : rows.stream().map(row -> row.province).distinct().toList()) {
            loaded = loaded.chain(() -> ruleSets.current(province, now)
                    .chain(set -> ruleSets.nextChange(province, now).invoke(next -> rules.put(province,
                            new InForce(set, next))))
                    .replaceWithVoid());
        }
        return loaded.replaceWith(rules);
    }

    public RiskState stateOf(RiskStateRow row) {
        return new RiskState(row.colour, row.gold, reasonsOf(row), row.ruleSetVersion == null ? 0 : row.ruleSetVersion,
                row.quarantineUntil, row.validUntil, row.nextReviewAt);
    }

    @WithSession
    public Uni<RiskStateRow> current(String subjectId) {
        return states.findById(subjectId);
    }

    /**
     * Records the new state on the row; answers the event to publish and the audit line when
     * something visible changed. A state that only another rule version produced is not news: the
     * version is recorded on the row, nothing is published.
     */
    private Optional<Change> apply(RiskStateRow row, RiskState next, Instant nextReviewAt, Instant now,
            String causeEventId, Origin origin) {
        row.nextReviewAt = nextReviewAt;
        RiskState before = row.colour == null ? null : stateOf(row);
        Integer versionBefore = row.ruleSetVersion;
        row.ruleSetVersion = next.ruleSetVersion();
        if (!next.differsFrom(before)) {
            return Optional.empty();
        }
        row.previousColour = row.colour;
        row.colour = next.colour();
        row.gold = next.gold();
        row.reasons = new StoredReasons(next.reasons());
        row.quarantineUntil = next.quarantineUntil();
        row.validUntil = next.validUntil();
        row.evaluatedAt = now;
        row.causeEventId = causeEventId;
        LOG.debugf("Subject %s is now %s", row.subjectId, row.colour);
        String actor = origin.actor() != null ? origin.actor()
                : versionBefore != null && versionBefore != next.ruleSetVersion() ? "rule-set-v" + next.ruleSetVersion()
                : REVIEW_JOB;
        String cause = causeEventId != null ? causeEventId : origin.cause();
        AuditEntry entry = new AuditEntry(now, actor, ColourChangeAudit.ACTION, Outcome.CHANGED, row.subjectId,
                origin.object(), row.province, ColourChangeAudit.detail(row.previousColour, row.colour, cause,
                        next.ruleSetVersion(), next.reasons()));
        return Optional.of(new Change(new Outbox.Keyed(row.subjectId,
                RiskRecalculated.of(row.subjectId, row.province, next, row.previousColour, now, causeEventId),
                causeEventId), entry));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * Facts that can still matter: those of the longest rule period, and those behind reasons
     * still running however long missed check-ins have stretched them.
     */
    private static Instant windowStart(RuleSet rules, List<Reason> previous, Instant now) {
        Instant start = now.minus(Duration.ofDays(rules.longestDays() + 1L));
        return previous.stream().map(Reason::since).filter(start::isAfter).min(Comparator.naturalOrder())
                .orElse(start);
    }

    private static List<Reason> reasonsOf(RiskStateRow row) {
        return row.reasons == null ? List.of() : row.reasons.reasons();
    }
}
