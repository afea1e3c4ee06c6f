package org.healthcode.kit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.kit.db.DatabaseOutage;
import org.junit.jupiter.api.Test;

/**
 * A poll that mixes events to apply with messages to dead-letter, against the real database. The
 * dead-letter topic is stood in for by a handler that, like the real one, completes later on a
 * thread of its own: Panache cannot run there, and a poll whose good events came after a
 * dead-letter send was lost.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EventBatchIT {

    @Inject
    EventBatch events;
    @Inject
    ObjectMapper json;
    @Inject
    DatabaseOutage outage;

    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<String> applied = new CopyOnWriteArrayList<>();

    @Test
    void aPollWithAnUnreadableMessageIsAppliedAndOnlyThatMessageIsDeadLettered() throws Throwable {
        String subject = "poll-" + UUID.randomUUID();
        var poll = poll("{not json", event(subject, "first"), event(subject, "second"));

        VertxContextSupport.subscribeAndAwait(() -> applyOnce(poll));

        assertEquals(List.of(subject + " first", subject + " second"), applied);
        assertEquals(List.of("{not json"), deadLettered);
        assertEquals(1, acknowledged.get(), "the poll acknowledged");
    }

    @Test
    void anEventThatFailsEvenAloneIsDeadLetteredAndTheEventsAfterItAreApplied() throws Throwable {
        String subject = "poll-" + UUID.randomUUID();
        String refused = event(subject, "refused");
        var poll = poll(event(subject, "first"), refused, event(subject, "third"));

        VertxContextSupport.subscribeAndAwait(() -> applyOnce(poll));

        assertEquals(List.of(subject + " first", subject + " third"), applied);
        assertEquals(List.of(refused), deadLettered);
        assertEquals(1, acknowledged.get(), "the poll acknowledged");
    }

    @Test
    void aPollCaughtByTheServiceStoppingIsNeitherAcknowledgedNorDeadLettered() throws Throwable {
        String subject = "poll-" + UUID.randomUUID();
        var poll = poll(event(subject, "first"), event(subject, "refused"));

        outage.stopping(new ShutdownEvent());
        try {
            String outcome = VertxContextSupport.subscribeAndAwait(() -> applyOnce(poll).replaceWith("answered")
                    .ifNoItem().after(Duration.ofSeconds(3)).recoverWithItem("left for the next instance"));
            assertEquals("left for the next instance", outcome);
        } finally {
            outage.started(new StartupEvent());
        }
        assertEquals(List.of(), deadLettered, "a rolling update dead-letters nothing");
        assertEquals(0, acknowledged.get(), "the offset stays where it was, for the instance taking over");
        assertEquals(List.of(), applied);
    }

    private Uni<Void> applyOnce(IncomingKafkaRecordBatch<String, String> poll) {
        return events.applyOnce("event-batch-it", poll, ProbeConsumer.Probe.class, event -> event.data().note(),
                notes -> notes.stream().anyMatch(note -> note.endsWith("refused"))
                        ? Uni.createFrom().failure(new IllegalStateException("refused"))
                        : Uni.createFrom().voidItem().invoke(() -> applied.addAll(notes)));
    }

    private IncomingKafkaRecordBatch<String, String> poll(String... payloads) {
        TopicPartition partition = new TopicPartition("event-batch-it", 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < payloads.length; offset++) {
            records.add(new ConsumerRecord<>(partition.topic(), 0, offset, "key", payloads[offset]));
        }
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler deadLetterTopic = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20))
                        .invoke(() -> deadLettered.add((String) record.getPayload()));
            }
        };
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(partition, records)), "event-batch-it", 0,
                commits, deadLetterTopic, false, false);
    }

    private String event(String subject, String note) throws Exception {
        return json.writeValueAsString(EventEnvelope.of(UUID.randomUUID().toString(), "cn.healthcode.kit-probe",
                "/test", Instant.now(), subject, new ProbeConsumer.Probe(subject + " " + note)));
    }
}
