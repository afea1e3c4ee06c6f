package org.healthcode.scan.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.repository.OutgoingContactRepository;
import org.healthcode.scan.repository.OutgoingContactRepository.Outgoing;
import org.healthcode.scan.service.ContactSender;

/**
 * Queues each contact that this province's tracing found among visitors from other provinces
 * (contact-identified with another {@code homeProvince}) to be sent to their home, a poll at a
 * time, in {@code federation_contact_outgoing}: one row per finding, idempotent by its trace id, so
 * a redelivered event queues nothing new. {@link ContactSender} sends them. This province's own
 * people are not read further. An unusable visitor's finding goes to
 * {@code dead-letter-topic-contact-identified} alone.
 */
@ApplicationScoped
public class ContactIdentifiedConsumer {

    private static final String CONSUMER = "scan-checkpoint.contacts-abroad";

    private final EventBatch events;
    private final OutgoingContactRepository outgoing;
    private final ContactSender sender;
    private final String province;

    public ContactIdentifiedConsumer(EventBatch events, OutgoingContactRepository outgoing, ContactSender sender,
            ScanConfig config) {
        this.events = events;
        this.outgoing = outgoing;
        this.sender = sender;
        this.province = config.province();
    }

    @Incoming(ContactIdentified.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.apply(CONSUMER, batch, ContactIdentified.class, this::toSend,
                        found -> outgoing.queueAll(found.stream().filter(Objects::nonNull).toList()))
                .invoke(sender::nudge);
    }

    /** The finding to send, or null for a contact who lives here. */
    private Outgoing toSend(EventEnvelope<ContactIdentified> event) {
        ContactIdentified contact = event.data();
        if (!contact.livesElsewhere(province)) {
            return null;
        }
        Outgoing found = new Outgoing(contact.homeProvince(), contact.toFederationContact());
        if (!found.contact().subjectId().equals(event.subject())) {
            throw new UnreadableEventException("contact-identified subject differs from its contactSubjectId");
        }
        return found;
    }
}
