package org.healthcode.risk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.healthcode.risk.repository.OutboxRepository;
import org.healthcode.risk.repository.RegionRiskRepository;
import org.healthcode.risk.repository.RegionRiskRow;
import org.healthcode.risk.repository.RiskStateRepository;
import org.healthcode.risk.repository.RiskStateRow;
import org.healthcode.risk.repository.RuleSetRepository;
import org.healthcode.risk.repository.SubmissionRepository;
import org.healthcode.risk.repository.TravelRepository;
import org.jboss.logging.Logger;

/**
 * Re-evaluates a subject and, when what a holder or checkpoint sees changed, publishes
 * {@code risk-recalculated} from the same transaction.
 */
@ApplicationScoped
public class RiskService {

    private static final Logger LOG = Logger.getLogger(RiskService.class);
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final RiskStateRepository states;
    private final SubmissionRepository submissions;
    private final TravelRepository travel;
    private final ContactRepository contacts;
    private final CaseDecisionRepository cases;
    private final RegionRiskRepository regions;
    private final RuleSetRepository ruleSets;
    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final RiskConfig config;

    public RiskService(RiskStateRepository states, SubmissionRepository submissions, TravelRepository travel,
            ContactRepository contacts, CaseDecisionRepository cases, RegionRiskRepository regions,
            RuleSetRepository ruleSets, OutboxRepository outbox, ObjectMapper json, Clock clock, RiskConfig config) {
        this.states = states;
        this.submissions = submissions;
        this.travel = travel;
        this.contacts = contacts;
        this.cases = cases;
        this.regions = regions;
        this.ruleSets = ruleSets;
        this.outbox = outbox;
        this.json = json;
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
     * inbound event that led here, or null when time or a region change did.
     */
    public Uni<Void> recalculate(RiskStateRow row, String causeEventId) {
        Map<String, String> causes = new HashMap<>();
        causes.put(row.subjectId, causeEventId);
        return recalculate(List.of(row), causes);
    }

    /**
     * Evaluates the locked subjects now, in the current transaction, loading their facts with one
     * query per kind of fact. {@code causes}: each subject's inbound event that led here (absent:
     * time or a region change).
     */
    public Uni<Void> recalculate(List<RiskStateRow> rows, Map<String, String> causes) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = rows.stream().map(row -> row.subjectId).toList();
        return rulesByProvince(rows, now).chain(rules -> {
            Map<String, Instant> windows = new HashMap<>();
            rows.forEach(row -> windows.put(row.subjectId, windowStart(rules.get(row.province), reasonsOf(row), now)));
            Instant from = windows.values().stream().min(Comparator.naturalOrder()).orElseThrow();
            return submissions.forSubjects(ids, from).chain(declared -> travel.forSubjects(ids, from)
                    .chain(stays -> contacts.forSubjects(ids, from).chain(traced -> cases.forSubjects(ids)
                    .chain(decisions -> regions.elevated().chain(areas -> {
                        RegionRisks risks = RegionRisks.of(areas.stream().map(RegionRiskRow::toAreaRisk).toList());
                        Map<String, Facts> facts = FactsBySubject.of(windows, declared, stays, traced, decisions);
                        List<OutboxRepository.Pending> changes = new ArrayList<>();
                        for (RiskStateRow row : rows) {
                            RiskState next = new RiskEvaluator(rules.get(row.province), config.timeZone())
                                    .evaluate(facts.get(row.subjectId), risks, reasonsOf(row), now);
                            apply(row, next, now, causes.get(row.subjectId)).ifPresent(changes::add);
                        }
                        return outbox.publishAll(RiskRecalculated.TOPIC, changes);
                    })))));
        });
    }

    /** The rule set in force for each province among the subjects (a subject without one: any province's). */
    private Uni<Map<String, RuleSet>> rulesByProvince(List<RiskStateRow> rows, Instant now) {
        Map<String, RuleSet> rules = new HashMap<>();
        Uni<Void> loaded = Uni.createFrom().voidItem();
        for (String province : rows.stream().map(row -> row.province).distinct().toList()) {
            loaded = loaded.chain(() -> ruleSets.current(province, now).invoke(set -> rules.put(province, set))
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

    /** Records the new state on the row; answers the event to publish when something visible changed. */
    private Optional<OutboxRepository.Pending> apply(RiskStateRow row, RiskState next, Instant now,
            String causeEventId) {
        row.nextReviewAt = next.nextReviewAt();
        RiskState before = row.colour == null ? null : stateOf(row);
        if (!next.differsFrom(before)) {
            return Optional.empty();
        }
        row.previousColour = row.colour;
        row.colour = next.colour();
        row.gold = next.gold();
        row.reasons = write(next.reasons());
        row.ruleSetVersion = next.ruleSetVersion();
        row.quarantineUntil = next.quarantineUntil();
        row.validUntil = next.validUntil();
        row.evaluatedAt = now;
        row.causeEventId = causeEventId;
        LOG.debugf("Subject %s is now %s", row.subjectId, row.colour);
        return Optional.of(new OutboxRepository.Pending(row.subjectId,
                RiskRecalculated.of(row.subjectId, row.province, next, row.previousColour, now, causeEventId)));
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

    private List<Reason> reasonsOf(RiskStateRow row) {
        try {
            return row.reasons == null ? List.of() : json.readValue(row.reasons, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons unreadable for a subject", e);
        }
    }

    private String write(List<Reason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons not serialisable", e);
        }
    }
}
