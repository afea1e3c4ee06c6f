package org.healthcode.kit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class OutboxIT {

    @Inject
    Outbox outbox;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void anEventCommittedWithItsTransactionReachesKafkaAsACloudEventKeyedBySubject() throws Throwable {
        String subject = "sub-" + UUID.randomUUID();
        UUID id = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> outbox.publish("kit-outbox-test", subject, Map.of("colour", "RED"))));

        ConsumerRecord<String, String> record = only(subject);
        JsonNode event = json.readTree(record.value());
        assertEquals(subject, record.key());
        assertEquals(id.toString(), event.get("id").asText());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("cn.healthcode.kit-outbox-test", event.get("type").asText());
        assertEquals("/healthcode/service-kit-test", event.get("source").asText());
        assertEquals(subject, event.get("subject").asText());
        assertEquals("RED", event.get("data").get("colour").asText());
        assertTrue(event.hasNonNull("time"));
        awaitOutboxEmpty(id);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Throwable {
        String subject = "sub-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.publish("kit-outbox-test", subject, Map.of("colour", "RED"))
                        .call(() -> Panache.currentTransaction().invoke(tx -> tx.markForRollback()))));
        assertTrue(KafkaTestClient.read("kit-outbox-test", r -> subject.equals(r.key()), 1, Duration.ofSeconds(3)).isEmpty());
    }

    @Test
    void aRowCommittedByAProcessThatDiedBeforeRelayingIsStillPublished() throws Exception {
        // What a crash right after commit leaves behind: the row, with a lease that ran out.
        String subject = "sub-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String payload = json.writeValueAsString(EventEnvelope.of(id.toString(), "cn.healthcode.kit-outbox-test",
                "/healthcode/crashed", java.time.Instant.now(), subject, Map.of("colour", "YELLOW")));
        pool.preparedQuery("insert into outbox_event (id, topic, event_key, payload, lease_until) "
                + "values ($1, 'kit-outbox-test', $2, $3, now() - interval '1 minute')")
                .execute(Tuple.of(id, subject, payload)).await().atMost(Duration.ofSeconds(10));

        assertEquals(id.toString(), json.readTree(only(subject).value()).get("id").asText());
        awaitOutboxEmpty(id);
    }

    @Test
    void aThousandEventsOfOneTransactionAllReachKafkaAtOnceNotAfterTheirLeaseRunsOut() throws Throwable {
        // a confirmed case's contacts: more at once than the emitter's default buffer of 128 holds
        String burst = "burst-" + UUID.randomUUID() + "-";
        List<Outbox.Keyed> events = IntStream.range(0, 1000)
                .mapToObj(i -> new Outbox.Keyed(burst + i, Map.of("colour", "RED"))).toList();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.publishAll("kit-outbox-burst", events)));

        var records = KafkaTestClient.read("kit-outbox-burst", r -> r.key().startsWith(burst), 1000,
                Duration.ofSeconds(15));
        assertEquals(1000, records.stream().map(ConsumerRecord::key).distinct().count(),
                "every event on Kafka well within the 30 s a failed batch stays leased");
    }

    private static ConsumerRecord<String, String> only(String subject) {
        var records = KafkaTestClient.read("kit-outbox-test", r -> subject.equals(r.key()), 2, Duration.ofSeconds(5));
        assertEquals(1, records.size(), "exactly one record for the subject");
        return records.get(0);
    }

    private void awaitOutboxEmpty(UUID id) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            long left = pool.preparedQuery("select count(*) from outbox_event where id = $1").execute(Tuple.of(id))
                    .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
            if (left == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("outbox row still there after it was published");
    }
}
