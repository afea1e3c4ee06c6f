package org.healthcode.risk.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.kit.event.OutboxRelay;
import org.healthcode.risk.service.ContactIntake;
import org.healthcode.risk.service.RiskService.Recoloured;

/**
 * Consumes {@code contact-identified} a poll at a time (one case brings hundreds of contacts at
 * once): the findings, their evaluations and the {@code risk-recalculated} events they cause in
 * one transaction, once per event id (the kit's {@link EventBatch}). An event it cannot use goes
 * to {@code dead-letter-topic-contact-identified} alone. The new colours leave at once, not at the
 * outbox relay's next tick.
 */
@ApplicationScoped
public class ContactIdentifiedConsumer {

    static final String CONSUMER = "risk-scoring/contact-identified";

    private final EventBatch events;
    private final ContactIntake intake;
    private final OutboxRelay relay;
    private final RecolouringLatency latency;

    public ContactIdentifiedConsumer(EventBatch events, ContactIntake intake, OutboxRelay relay, RecolouringLatency latency) {
        this.events = events;
        this.intake = intake;
        this.relay = relay;
        this.latency = latency;
    }

    @Incoming(ContactIdentified.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        // Per subject, the latest change a transaction made with the time of the event that caused it: a
        // poll whose transaction failed is applied again event by event, and each subject counts once.
        Map<String, Recoloured> recoloured = new ConcurrentHashMap<>();
        Map<String, Instant> eventTimes = new ConcurrentHashMap<>();
        return events.applyOnce(CONSUMER, batch, ContactIdentified.class, ContactIdentifiedConsumer::complete,
                        accepted -> intake.accept(accepted).invoke(changes -> {
                            accepted.forEach(event -> {
                                if (event.time() != null) {
                                    eventTimes.put(event.id(), event.time());
                                }
                            });
                            changes.forEach(change -> recoloured.put(change.subjectId(), change));
                        }))
                .invoke(() -> recoloured.values().forEach(change -> latency.committed(ContactIdentified.TOPIC,
                        eventTimes.get(change.causeEventId()), List.of(change))))
                .invoke(relay::nudge);
    }

    private static EventEnvelope<ContactIdentified> complete(EventEnvelope<ContactIdentified> event) {
        if (!event.data().isComplete()) {
            throw new UnreadableEventException("contact-identified lacks traceId, caseId, contactSubjectId, "
                    + "lastExposure, or a known degree or exposure");
        }
        return event;
    }
}
