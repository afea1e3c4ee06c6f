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
 * Consumes {@code federation-contact-received} (scan-checkpoint-service: contacts of this
 * province's people that another province's tracing found and sent here) exactly as
 * {@link ContactIdentifiedConsumer} consumes local contacts: each finding is the same contact fact
 * ({@link FederationContactReceived#asContactIdentified}), stored and evaluated by
 * {@link ContactIntake}, once per event id, a poll in one transaction. An event it cannot use goes
 * to {@code dead-letter-topic-federation-contact-received} alone.
 */
@ApplicationScoped
public class FederationContactConsumer {

    static final String CONSUMER = "risk-scoring/federation-contact-received";

    private final EventBatch events;
    private final ContactIntake intake;
    private final OutboxRelay relay;
    private final RecolouringLatency latency;

    public FederationContactConsumer(EventBatch events, ContactIntake intake, OutboxRelay relay,
            RecolouringLatency latency) {
        this.events = events;
        this.intake = intake;
        this.relay = relay;
        this.latency = latency;
    }

    @Incoming(FederationContactReceived.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        Map<String, Recoloured> recoloured = new ConcurrentHashMap<>();
        Map<String, Instant> eventTimes = new ConcurrentHashMap<>();
        return events.applyOnce(CONSUMER, batch, FederationContactReceived.class, FederationContactConsumer::contact,
                        accepted -> intake.accept(accepted).invoke(changes -> {
                            accepted.forEach(event -> {
                                if (event.time() != null) {
                                    eventTimes.put(event.id(), event.time());
                                }
                            });
                            changes.forEach(change -> recoloured.put(change.subjectId(), change));
                        }))
                .invoke(() -> recoloured.values().forEach(change -> latency.committed(FederationContactReceived.TOPIC,
                        eventTimes.get(change.causeEventId()), List.of(change))))
                .invoke(relay::nudge);
    }

    /** The finding as a local contact; one that lacks what the rules need, or names another subject, is unreadable. */
    private static EventEnvelope<ContactIdentified> contact(EventEnvelope<FederationContactReceived> event) {
        ContactIdentified contact = event.data().asContactIdentified();
        if (!contact.isComplete() || !contact.contactSubjectId().equals(event.subject())) {
            throw new UnreadableEventException("federation-contact-received lacks findingId, fromProvince, subjectId "
                    + "(= the event's subject), lastExposure, or a known degree or exposure");
        }
        return new EventEnvelope<>(event.specversion(), event.id(), event.type(), event.source(), event.time(),
                event.subject(), event.datacontenttype(), contact);
    }
}
