package org.healthcode.trace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.healthcode.kit.event.Outbox;
import org.healthcode.kit.event.OutboxRelay;
import org.healthcode.kit.web.ApiException;
import org.healthcode.trace.domain.CaseChange;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.domain.TraceCase;
import org.healthcode.trace.event.CaseConfirmed;
import org.healthcode.trace.repository.CaseRepository;

/**
 * Records the authority's decisions about cases. In one transaction: the case, its decision log,
 * {@code case-confirmed} when the status changed, and for a confirmation the trace with its
 * {@code contact-identified} events.
 */
@ApplicationScoped
public class CaseService {

    /** The case after the decision, what the decision did, and what tracing found. */
    public record Outcome(TraceCase c, CaseChange change, ContactTracing.Outcome trace) {
    }

    private final CaseRepository cases;
    private final ContactTracing tracing;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public CaseService(CaseRepository cases, ContactTracing tracing, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.cases = cases;
        this.tracing = tracing;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** Records the decision; once it is committed, its events leave at once rather than at the relay's next tick. */
    public Uni<Outcome> decide(CaseDecision decision) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> cases.lockOpen(decision.subjectId(), decision.province())
                        .chain(open -> apply(decision, open, now)))
                .invoke(relay::nudge);
    }

    /**
     * Records a case from the authority's case list ({@code case-reported}) as {@link #decide} records
     * the authority's call, inside the caller's transaction (the event consumer's, with its inbox row);
     * its events leave at the relay's next tick. A list never lowers a confirmed case: SUSPECTED for a
     * subject whose open case is CONFIRMED changes nothing (answered as UNCHANGED, not logged).
     */
    public Uni<Outcome> report(CaseDecision decision) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return cases.lockOpen(decision.subjectId(), decision.province()).chain(open -> {
            if (open != null && open.status() == CaseStatus.CONFIRMED && decision.status() == CaseStatus.SUSPECTED) {
                return Uni.createFrom().item(new Outcome(open, CaseChange.UNCHANGED, null));
            }
            return apply(decision, open, now);
        });
    }

    private Uni<Outcome> apply(CaseDecision decision, TraceCase open, Instant now) {
        CaseChange change = CaseChange.of(open == null ? null : open.status(), decision.status());
        return switch (change) {
            case NOTHING_TO_CLEAR -> cases.latest(decision.subjectId(), decision.province()).map(last -> {
                if (last == null) {
                    throw ApiException.notFound("CASE_NOT_FOUND", "The subject has no case in this province");
                }
                return new Outcome(last, change, null);
            });
            case OPENED -> {
                TraceCase opened = new TraceCase(UUID.randomUUID(), decision.subjectId(), decision.province(),
                        decision.status(), decision.onsetDate(), regionOf(decision),
                        decision.status() == CaseStatus.CONFIRMED ? now : null, now, now);
                yield cases.open(opened).chain(stored -> {
                    if (!stored) {
                        throw ApiException.conflict("CASE_BUSY",
                                "Another decision about this subject is being recorded; try again");
                    }
                    return record(opened, decision, change, now);
                });
            }
            case CHANGED -> {
                TraceCase changed = new TraceCase(open.id(), open.subjectId(), open.province(), decision.status(),
                        decision.onsetDate() != null ? decision.onsetDate() : open.onsetDate(),
                        decision.regionCode() != null ? decision.regionCode() : open.regionCode(),
                        decision.status() == CaseStatus.CONFIRMED ? now : open.confirmedAt(), now, open.createdAt());
                yield cases.update(changed).chain(() -> record(changed, decision, change, now));
            }
            case UNCHANGED -> {
                // Nothing to publish; a new onset date still widens the look-back of the next trace.
                TraceCase same = decision.onsetDate() == null || decision.onsetDate().equals(open.onsetDate()) ? open
                        : new TraceCase(open.id(), open.subjectId(), open.province(), open.status(),
                                decision.onsetDate(), open.regionCode(), open.confirmedAt(), open.statusChangedAt(),
                                open.createdAt());
                yield (same == open ? Uni.createFrom().voidItem() : cases.update(same))
                        .chain(() -> record(same, decision, change, now));
            }
        };
    }

    private Uni<Outcome> record(TraceCase c, CaseDecision decision, CaseChange change, Instant now) {
        Uni<Void> published = change.publishes()
                ? outbox.publish(CaseConfirmed.TOPIC, c.subjectId(), CaseConfirmed.of(c)).replaceWithVoid()
                : Uni.createFrom().voidItem();
        return published
                .chain(() -> cases.logDecision(c, decision.status(), decision.decidedBy(), now, change.publishes()))
                .chain(() -> change.traces(decision.status())
                        ? cases.holdTracing(true).chain(() -> tracing.trace(c)).map(trace -> new Outcome(c, change, trace))
                        : Uni.createFrom().item(new Outcome(c, change, null)));
    }

    private static String regionOf(CaseDecision decision) {
        return decision.regionCode() != null ? decision.regionCode() : decision.province();
    }
}
