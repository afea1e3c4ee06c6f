package org.healthcode.risk.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.db.DatabaseOutage;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.kit.event.EventTracing;
import org.healthcode.kit.event.Inbox;
import org.healthcode.risk.service.CaseIntake;
import org.healthcode.risk.service.RiskService.Recoloured;
import org.jboss.logging.Logger;

/**
 * Consumes {@code case-confirmed}: decision, evaluation and any {@code risk-recalculated} in one
 * transaction, once per event id. A message it cannot read goes to
 * {@code dead-letter-topic-case-confirmed}. Cases come one at a time, so no batching.
 */
@ApplicationScoped
public class CaseConfirmedConsumer {

    private static final Logger LOG = Logger.getLogger(CaseConfirmedConsumer.class);

    static final String CONSUMER = "risk-scoring/case-confirmed";

    private final EventReader reader;
    private final Inbox inbox;
    private final EventTracing tracing;
    private final CaseIntake intake;
    private final RecolouringLatency latency;

    public CaseConfirmedConsumer(EventReader reader, Inbox inbox, EventTracing tracing, CaseIntake intake,
            RecolouringLatency latency) {
        this.reader = reader;
        this.inbox = inbox;
        this.tracing = tracing;
        this.intake = intake;
        this.latency = latency;
    }

    @Incoming(CaseConfirmed.TOPIC)
    public Uni<Void> consume(String payload) {
        EventEnvelope<CaseConfirmed> event = reader.read(payload, CaseConfirmed.class);
        if (!event.data().isComplete()) {
            throw new UnreadableEventException("case-confirmed lacks caseId, subjectId, confirmedAt or a known status");
        }
        List<Recoloured> recoloured = new ArrayList<>();
        return tracing.processing(CaseConfirmed.TOPIC, CONSUMER, event.id(), () -> DatabaseOutage.retried(CONSUMER,
                        () -> Panache.withTransaction(() -> inbox.once(CONSUMER, event.id(),
                                () -> intake.accept(event.data(), event.id()).invoke(recoloured::addAll)))))
                .invoke(() -> latency.committed(CaseConfirmed.TOPIC, event.time(), recoloured))
                .onFailure().invoke(e -> {
                    // the type is enough to investigate; driver messages may quote values
                    LOG.warnf("Case event %s not applied (%s); dead-lettered", event.id(), e.getClass().getName());
                    LOG.debug("Cause", e);
                })
                .replaceWithVoid();
    }
}
