package org.healthcode.trace.event;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.trace.service.CaseDecision;
import org.healthcode.trace.service.CaseService;

/**
 * Records the cases of the health authority's case lists ({@code case-reported}, from
 * declaration-service) as the authority's case call does ({@link CaseService#report}): a new case,
 * or the open case's new status, logged as decided by {@code import <importId>}; {@code case-confirmed}
 * when the status changed; a confirmed case traced, its contacts published. A subject already a case
 * with that status is not made a second case, and a list never lowers a CONFIRMED case to SUSPECTED.
 *
 * <p>Once per event (the kit's inbox: a redelivered event changes nothing). Where the person is
 * registered was checked by declaration-service at the import (a person of another province's row
 * is refused there), so it is not asked again. A message it cannot read goes to
 * {@code dead-letter-topic-case-reported}.
 */
@ApplicationScoped
public class CaseReportedConsumer {

    static final String CONSUMER = "contact-trace/case-reported";

    private final EventBatch events;
    private final CaseService cases;

    public CaseReportedConsumer(EventBatch events, CaseService cases) {
        this.events = events;
        this.cases = cases;
    }

    @Incoming(CaseReported.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.applyOnce(CONSUMER, batch, CaseReported.class, CaseReportedConsumer::decision, this::record);
    }

    /** One case after the other, in the order reported: a subject's SUSPECTED then CONFIRMED is one case. */
    private Uni<Void> record(List<CaseDecision> decisions) {
        return Multi.createFrom().iterable(decisions)
                .onItem().transformToUniAndConcatenate(cases::report)
                .collect().last().replaceWithVoid();
    }

    private static CaseDecision decision(EventEnvelope<CaseReported> event) {
        CaseDecision decision = event.data().toDecision();
        if (decision == null) {
            throw new UnreadableEventException(
                    "case-reported lacks a subjectId, a status CONFIRMED or SUSPECTED, a province or an importId");
        }
        if (!decision.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("case-reported subject differs from its subjectId");
        }
        return decision;
    }
}
