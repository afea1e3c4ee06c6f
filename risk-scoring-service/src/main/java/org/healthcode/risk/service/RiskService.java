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
import java.util.Comparator;
import java.util.List;
import org.healthcode.kit.event.Outbox;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.Facts;
import org.healthcode.risk.domain.Reason;
import org.healthcode.risk.domain.RegionRisks;
import org.healthcode.risk.domain.RiskEvaluator;
import org.healthcode.risk.domain.RiskState;
import org.healthcode.risk.domain.RuleSet;
import org.healthcode.risk.event.RiskRecalculated;
import org.healthcode.risk.repository.RegionRiskRepository;
import org.healthcode.risk.repository.RegionRiskRow;
import org.healthcode.risk.repository.RiskStateRepository;
import org.healthcode.risk.repository.RiskStateRow;
import org.healthcode.risk.repository.RuleSetRepository;
import org.healthcode.risk.repository.SubmissionRepository;
import org.healthcode.risk.repository.SubmissionRow;
import org.healthcode.risk.repository.TravelRepository;
import org.healthcode.risk.repository.TravelRow;
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
    private final RegionRiskRepository regions;
    private final RuleSetRepository ruleSets;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final RiskConfig config;

    public RiskService(RiskStateRepository states, SubmissionRepository submissions, TravelRepository travel,
            RegionRiskRepository regions, RuleSetRepository ruleSets, Outbox outbox, ObjectMapper json, Clock clock,
            RiskConfig config) {
        this.states = states;
        this.submissions = submissions;
        this.travel = travel;
        this.regions = regions;
        this.ruleSets = ruleSets;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** The subject's state row, locked for this transaction; a new, uncoloured one if none. */
    public Uni<RiskStateRow> lock(String subjectId) {
        return states.forUpdate(subjectId).chain(row -> {
            if (row != null) {
                return Uni.createFrom().item(row);
            }
            RiskStateRow fresh = new RiskStateRow();
            fresh.subjectId = subjectId;
            return states.persist(fresh);
        });
    }

    /**
     * Evaluates the locked subject now, in the current transaction. {@code causeEventId} is the
     * inbound event that led here, or null when time or a region change did.
     */
    public Uni<Void> recalculate(RiskStateRow row, String causeEventId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Reason> previous = reasonsOf(row);
        return ruleSets.current(row.province, now).chain(rules -> {
            Instant from = windowStart(rules, previous, now);
            return submissions.forSubject(row.subjectId, from).chain(declared -> travel.forSubject(row.subjectId, from)
                    .chain(stays -> regions.elevated().chain(areas -> {
                        Facts facts = new Facts(declared.stream().map(SubmissionRow::toSubmission).toList(),
                                stays.stream().map(TravelRow::toTravel).toList());
                        RegionRisks risks = RegionRisks.of(areas.stream().map(RegionRiskRow::toAreaRisk).toList());
                        RiskState next = new RiskEvaluator(rules, config.timeZone()).evaluate(facts, risks, previous, now);
                        return apply(row, next, now, causeEventId);
                    })));
        });
    }

    public RiskState stateOf(RiskStateRow row) {
        return new RiskState(row.colour, row.gold, reasonsOf(row), row.ruleSetVersion == null ? 0 : row.ruleSetVersion,
                row.quarantineUntil, row.validUntil, row.nextReviewAt);
    }

    @WithSession
    public Uni<RiskStateRow> current(String subjectId) {
        return states.findById(subjectId);
    }

    private Uni<Void> apply(RiskStateRow row, RiskState next, Instant now, String causeEventId) {
        row.nextReviewAt = next.nextReviewAt();
        RiskState before = row.colour == null ? null : stateOf(row);
        if (!next.differsFrom(before)) {
            return Uni.createFrom().voidItem();
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
        return outbox.publish(RiskRecalculated.TOPIC, row.subjectId,
                RiskRecalculated.of(row.subjectId, row.province, next, row.previousColour, now, causeEventId))
                .replaceWithVoid();
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
