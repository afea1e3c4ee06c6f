package org.healthcode.risk.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.kit.event.OutboxRelay;
import org.healthcode.risk.service.ContactIntake;

/**
 * Consumes {@code contact-identified} a poll at a time (one case brings hundreds of contacts at
 * once): the findings, their evaluations and the {@code risk-recalculated} events they cause in
 * one transaction, once per event id (the kit's {@link EventBatch}). An event it cannot use goes
 * to {@code dead-letter-topic-contact-identified} alone. The new colours leave at once, not at the
 * outbox relay's next tick.
 */
@ApplicationScoped
public class ContactListener {

    static final String CONSUMER = "risk-scoring/contact-identified";

    private final EventBatch events;
    private final ContactIntake intake;
    private final OutboxRelay relay;

    public ContactListener(EventBatch events, ContactIntake intake, OutboxRelay relay) {
        this.events = events;
        this.intake = intake;
        this.relay = relay;
    }

    @Incoming(ContactIdentified.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.applyOnce(CONSUMER, batch, ContactIdentified.class, ContactListener::complete, intake::accept)
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
