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
import org.healthcode.risk.service.DeclarationIntake;
import org.healthcode.risk.service.RiskService.Recoloured;
import org.jboss.logging.Logger;

/**
 * Consumes {@code declaration-submitted}: facts, evaluation and any {@code risk-recalculated} in
 * one transaction, once per event id. A message it cannot read goes to
 * {@code dead-letter-topic-declaration-submitted}.
 */
@ApplicationScoped
public class DeclarationSubmittedConsumer {

    private static final Logger LOG = Logger.getLogger(DeclarationSubmittedConsumer.class);

    static final String CONSUMER = "risk-scoring/declaration-submitted";

    private final EventReader reader;
    private final Inbox inbox;
    private final EventTracing tracing;
    private final DeclarationIntake intake;
    private final RecolouringLatency latency;

    public DeclarationSubmittedConsumer(EventReader reader, Inbox inbox, EventTracing tracing, DeclarationIntake intake,
            RecolouringLatency latency) {
        this.reader = reader;
        this.inbox = inbox;
        this.tracing = tracing;
        this.intake = intake;
        this.latency = latency;
    }

    @Incoming(DeclarationSubmitted.TOPIC)
    public Uni<Void> consume(String payload) {
        EventEnvelope<DeclarationSubmitted> event = reader.read(payload, DeclarationSubmitted.class);
        if (!event.data().isComplete()) {
            throw new UnreadableEventException("declaration-submitted lacks declarationId, subjectId, kind, "
                    + "declaredAt or a complete stay");
        }
        List<Recoloured> recoloured = new ArrayList<>();
        return tracing.processing(DeclarationSubmitted.TOPIC, CONSUMER, event.id(), () -> DatabaseOutage.retried(CONSUMER,
                        () -> Panache.withTransaction(() -> inbox.once(CONSUMER, event.id(),
                                () -> intake.accept(event.data(), event.id()).invoke(recoloured::addAll)))))
                .invoke(() -> latency.committed(DeclarationSubmitted.TOPIC, event.time(), recoloured))
                .onFailure().invoke(e -> {
                    // the type is enough to investigate; driver messages may quote values
                    LOG.warnf("Declaration event %s not applied (%s); dead-lettered", event.id(), e.getClass().getName());
                    LOG.debug("Cause", e);
                })
                .replaceWithVoid();
    }
}
