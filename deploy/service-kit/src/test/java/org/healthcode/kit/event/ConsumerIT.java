package org.healthcode.kit.event;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.Scrape;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ConsumerIT {

    @Inject
    ProbeConsumer consumer;
    @Inject
    BatchProbeConsumer batchConsumer;
    @Inject
    ObjectMapper json;

    @Test
    void aRedeliveredEventIsAppliedOnceAndAnUnreadableOneIsDeadLetteredWithoutStoppingTheConsumer() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        double deadLetteredBefore = deadLettered("kit-probe");
        String first = event(subject, "first");
        KafkaTestClient.send("kit-probe", subject, first);
        KafkaTestClient.send("kit-probe", subject, first);
        KafkaTestClient.send("kit-probe", subject, "{not json");
        KafkaTestClient.send("kit-probe", subject, "{\"specversion\":\"1.0\",\"id\":\"no-subject\"}");
        KafkaTestClient.send("kit-probe", subject, event(subject, "after the garbage"));

        var deadLetters = KafkaTestClient.read("dead-letter-topic-kit-probe", r -> subject.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertEquals(2, deadLetters.size(), "both unreadable messages dead-lettered");
        assertEquals(deadLetteredBefore + 2, deadLettered("kit-probe"), "and counted");
        awaitApplied(subject, 2);
        assertEquals(java.util.List.of(subject + " first", subject + " after the garbage"),
                consumer.applied().stream().filter(note -> note.startsWith(subject)).toList());
    }

    @Test
    void aBatchIsAppliedOnceInOrderAndOnlyItsBadEventsAreDeadLettered() throws Exception {
        String subject = "batch-" + UUID.randomUUID();
        double deadLetteredBefore = deadLettered("kit-probe-batch");
        String first = event(subject, "first");
        List<String> sent = new ArrayList<>(List.of(first, first, "{not json",
                "{\"specversion\":\"1.0\",\"id\":\"%s\",\"subject\":\"%s\",\"data\":{}}"
                        .formatted(UUID.randomUUID(), subject),
                event(subject, "refused")));
        for (int i = 1; i <= 200; i++) {
            sent.add(event(subject, "then " + i));
        }
        KafkaTestClient.sendAll("kit-probe-batch", subject, sent);

        var deadLetters = KafkaTestClient.read("dead-letter-topic-kit-probe-batch", r -> subject.equals(r.key()), 3,
                Duration.ofSeconds(20));
        assertEquals(3, deadLetters.size(), "the garbage, the event without a note and the refused one");
        assertEquals(deadLetteredBefore + 3, deadLettered("kit-probe-batch"), "and counted");
        for (int i = 0; i < 100 && batchConsumer.applied().stream().filter(n -> n.startsWith(subject)).count() < 201;
                i++) {
            Thread.sleep(100);
        }
        List<String> expected = new ArrayList<>(List.of(subject + " first"));
        for (int i = 1; i <= 200; i++) {
            expected.add(subject + " then " + i);
        }
        assertEquals(expected, batchConsumer.applied().stream().filter(note -> note.startsWith(subject)).toList(),
                "each event once, in order, the refused one left out");
        assertTrue(batchConsumer.batchSizes().stream().anyMatch(size -> size > 1), "events applied many at a time");
    }

    private String event(String subject, String note) throws Exception {
        return json.writeValueAsString(EventEnvelope.of(UUID.randomUUID().toString(), "cn.healthcode.kit-probe",
                "/test", Instant.now(), subject, new ProbeConsumer.Probe(subject + " " + note)));
    }

    /** Counted before the message is handed to the dead-letter topic, so never behind what it holds. */
    private static double deadLettered(String topic) {
        return Scrape.of(get("/q/metrics").asString()).value("healthcode_events_dead_lettered_total", Map.of("topic", topic));
    }

    private void awaitApplied(String subject, int count) throws InterruptedException {
        for (int i = 0; i < 100 && consumer.applied().stream().filter(n -> n.startsWith(subject)).count() < count; i++) {
            Thread.sleep(100);
        }
    }
}
