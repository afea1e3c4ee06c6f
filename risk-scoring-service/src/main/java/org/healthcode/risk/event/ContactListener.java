package org.healthcode.risk.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.kit.event.Inbox;
import org.healthcode.risk.repository.ProcessedEventRepository;
import org.healthcode.risk.service.ContactIntake;
import org.jboss.logging.Logger;

/**
 * Consumes {@code contact-identified} in batches (one case brings hundreds of contacts at once):
 * the findings of a whole poll, their evaluations and the {@code risk-recalculated} events they
 * cause in one transaction, once per event id; the batch is acknowledged after the commit.
 *
 * <p>Per-record semantics are kept: a message it cannot read goes to
 * {@code dead-letter-topic-contact-identified} alone. If the batch's transaction fails, its events
 * are applied one per transaction, and only those that fail again are dead-lettered.
 */
@ApplicationScoped
public class ContactListener {

    private static final Logger LOG = Logger.getLogger(ContactListener.class);

    static final String CONSUMER = "risk-scoring/contact-identified";

    /** A readable event and the Kafka record that brought it. */
    private record Received(KafkaRecord<String, String> record, EventEnvelope<ContactIdentified> event) {
    }

    /** A record that is not a usable event, and why. */
    private record Unreadable(KafkaRecord<String, String> record, UnreadableEventException reason) {
    }

    private final EventReader reader;
    private final Inbox inbox;
    private final ProcessedEventRepository processed;
    private final ContactIntake intake;

    public ContactListener(EventReader reader, Inbox inbox, ProcessedEventRepository processed, ContactIntake intake) {
        this.reader = reader;
        this.inbox = inbox;
        this.processed = processed;
        this.intake = intake;
    }

    @Incoming(ContactIdentified.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Received> readable = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                readable.add(new Received(record, read(record.getPayload())));
            } catch (UnreadableEventException e) {
                unreadable.add(new Unreadable(record, e));
            }
        }
        return Multi.createFrom().iterable(unreadable).onItem().transformToUniAndConcatenate(u -> {
                    LOG.warnf("Contact event dead-lettered: %s", u.reason().getMessage()); // never the payload
                    return Uni.createFrom().completionStage(() -> u.record().nack(u.reason()));
                })
                .collect().last()
                .chain(() -> applyAll(readable))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private EventEnvelope<ContactIdentified> read(String payload) {
        EventEnvelope<ContactIdentified> event = reader.read(payload, ContactIdentified.class);
        if (!event.data().isComplete()) {
            throw new UnreadableEventException("contact-identified lacks traceId, caseId, contactSubjectId, "
                    + "lastExposure, or a known degree or exposure");
        }
        return event;
    }

    /** The whole batch in one transaction; the events not seen before are applied in order. */
    private Uni<Void> applyAll(List<Received> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = received.stream().map(r -> r.event().id()).toList();
        long start = System.nanoTime();
        return Panache.withTransaction(() -> processed.firstSeen(CONSUMER, ids).chain(fresh -> intake.accept(
                        received.stream().map(Received::event).filter(event -> fresh.remove(event.id())).toList())))
                .invoke(() -> LOG.debugf("%d contact events applied in %d ms", received.size(),
                        (System.nanoTime() - start) / 1_000_000))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("A batch of %d contact events not applied (%s); applying them one by one",
                            received.size(), e.getClass().getName());
                    LOG.debug("Cause", e);
                    return oneByOne(received);
                });
    }

    /** Each event in its own transaction: one that fails is dead-lettered, the others are applied. */
    private Uni<Void> oneByOne(List<Received> received) {
        return Multi.createFrom().iterable(received).onItem().transformToUniAndConcatenate(r -> Panache
                        .withTransaction(() -> inbox.once(CONSUMER, r.event().id(),
                                () -> intake.accept(List.of(r.event()))))
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(e -> {
                            // the type is enough to investigate; driver messages may quote values
                            LOG.warnf("Contact event %s not applied (%s); dead-lettered", r.event().id(),
                                    e.getClass().getName());
                            LOG.debug("Cause", e);
                            return Uni.createFrom().completionStage(() -> r.record().nack(e));
                        }))
                .collect().last().replaceWithVoid();
    }
}
