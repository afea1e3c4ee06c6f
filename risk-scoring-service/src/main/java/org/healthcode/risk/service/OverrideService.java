package org.healthcode.risk.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.ColourOverride;
import org.healthcode.risk.domain.OverrideProposal;
import org.healthcode.risk.domain.OverrideStatus;
import org.healthcode.risk.repository.OverrideRepository;
import org.healthcode.risk.repository.OverrideRow;
import org.healthcode.risk.repository.RiskStateRepository;

/**
 * Four-eyes colour overrides: one authority proposes a colour for a subject of their province
 * until a given time, a second one of the same province approves (the subject then has that
 * colour, reason MANUAL_OVERRIDE, until then) or rejects it. Every step is audited; a refusal
 * because the subject belongs to another province too.
 */
@ApplicationScoped
public class OverrideService {

    public static final String PROPOSED = "OVERRIDE_PROPOSED";
    public static final String APPROVED = "OVERRIDE_APPROVED";
    public static final String REJECTED = "OVERRIDE_REJECTED";
    public static final String CROSS_PROVINCE = "CROSS_PROVINCE_READ";

    private final OverrideRepository overrides;
    private final RiskStateRepository states;
    private final RiskService risk;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration proposalTtl;

    public OverrideService(OverrideRepository overrides, RiskStateRepository states, RiskService risk,
            AuditTrail audit, Clock clock, RiskConfig config) {
        this.overrides = overrides;
        this.states = states;
        this.risk = risk;
        this.audit = audit;
        this.clock = clock;
        this.proposalTtl = config.overrides().proposalTtl();
    }

    /** Records the proposal of {@code caller}, an authority of the subject's province. */
    public Uni<OverrideRow> propose(OverrideProposal proposal, Caller caller) {
        String province = caller.staffProvince();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> states.findById(proposal.subjectId()).chain(state -> {
            if (state == null || state.colour == null) {
                throw ApiException.notFound("SUBJECT_NOT_FOUND", "No risk state is known for this subject");
            }
            if (!province.equals(state.province)) {
                return refuseOtherProvince(caller, proposal.subjectId(), "POST /v1/overrides", state.province,
                        "override proposal");
            }
            OverrideRow row = new OverrideRow();
            row.id = UUID.randomUUID();
            row.subjectId = proposal.subjectId();
            row.province = province;
            row.colour = proposal.colour();
            row.justification = proposal.justification();
            row.until = proposal.until();
            row.status = OverrideStatus.PROPOSED;
            row.proposedBy = caller.subject();
            row.proposedAt = now;
            row.expiresAt = proposal.expiresAt(now, proposalTtl);
            return overrides.persist(row)
                    .call(() -> audit.recordWithin(entry(now, caller.subject(), PROPOSED, row,
                            "colour=" + row.colour + " until=" + row.until + " expiresAt=" + row.expiresAt)));
        }));
    }

    /** The caller's province's overrides with this status now (null: any), oldest proposal first. */
    @WithSession
    public Uni<List<OverrideRow>> ofProvince(String province, OverrideStatus status) {
        return overrides.ofProvince(province, status, clock.instant());
    }

    /** The status of {@code row} now (a proposal not decided in time has expired). */
    public OverrideStatus statusOf(OverrideRow row) {
        return row.toOverride().status(clock.instant());
    }

    /**
     * A second authority of the subject's province approves ({@code approve}) or rejects the
     * proposal. Approved, the subject is re-evaluated at once: the override's colour until its end.
     */
    public Uni<OverrideRow> decide(UUID id, boolean approve, String note, Caller caller) {
        String province = caller.staffProvince();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String action = approve ? APPROVED : REJECTED;
        return Panache.withTransaction(() -> overrides.forUpdate(id).chain(row -> {
            if (row == null) {
                throw ApiException.notFound("OVERRIDE_NOT_FOUND", "No such override");
            }
            ColourOverride override = row.toOverride();
            var refusal = override.refusal(caller.subject(), province, now);
            if (refusal.isPresent()) {
                return switch (refusal.get()) {
                    case FORBIDDEN_PROVINCE -> refuseOtherProvince(caller, row.subjectId, row.id.toString(),
                            row.province, "override decision");
                    case SELF_APPROVAL -> audit.record(new AuditEntry(now, caller.subject(), action, Outcome.REFUSED,
                                    row.subjectId, row.id.toString(), row.province, "SELF_APPROVAL"))
                            .chain(() -> Uni.createFrom().failure(new ApiException(403, "SELF_APPROVAL",
                                    "A second authority must decide an override you proposed")));
                    case ALREADY_DECIDED -> Uni.createFrom().failure(ApiException.conflict("ALREADY_DECIDED",
                            "This override has been decided already"));
                    case PROPOSAL_EXPIRED -> Uni.createFrom().failure(ApiException.conflict("PROPOSAL_EXPIRED",
                            "This proposal was not decided in time; propose it again"));
                };
            }
            row.status = approve ? OverrideStatus.APPROVED : OverrideStatus.REJECTED;
            row.decidedBy = caller.subject();
            row.decidedAt = now;
            row.decisionNote = note;
            Uni<Void> recorded = audit.recordWithin(entry(now, caller.subject(), action, row,
                    "colour=" + row.colour + " until=" + row.until));
            if (!approve) {
                return recorded.replaceWith(row);
            }
            return recorded
                    .chain(overrides::flush) // the evaluation reads the approval back
                    .chain(() -> risk.lock(row.subjectId))
                    .chain(state -> risk.recalculate(List.of(state), Map.of(),
                            RiskService.Origin.override(caller.subject(), row.id.toString())))
                    .replaceWith(row);
        }));
    }

    /** Records that the caller was refused another province's subject, then refuses (403 FORBIDDEN_PROVINCE). */
    private <T> Uni<T> refuseOtherProvince(Caller caller, String subjectId, String object, String subjectProvince,
            String what) {
        String detail = what + " by an authority of " + Objects.requireNonNullElse(caller.province(), "no province");
        return audit.record(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.subject(),
                        CROSS_PROVINCE, Outcome.REFUSED, subjectId, object, subjectProvince, detail))
                .chain(() -> Uni.createFrom().failure(new ApiException(403, "FORBIDDEN_PROVINCE",
                        "This subject belongs to another province")));
    }

    private static AuditEntry entry(Instant at, String actor, String action, OverrideRow row, String detail) {
        return new AuditEntry(at, actor, action, Outcome.CHANGED, row.subjectId, row.id.toString(), row.province,
                detail);
    }
}
