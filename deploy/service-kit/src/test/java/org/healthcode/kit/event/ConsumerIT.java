package org.healthcode.kit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ConsumerIT {

    @Inject
    ProbeConsumer consumer;
    @Inject
    ObjectMapper json;

    @Test
    void aRedeliveredEventIsAppliedOnceAndAnUnreadableOneIsDeadLetteredWithoutStoppingTheConsumer() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        String first = event(subject, "first");
        KafkaTestClient.send("kit-probe", subject, first);
        KafkaTestClient.send("kit-probe", subject, first);
        KafkaTestClient.send("kit-probe", subject, "{not json");
        KafkaTestClient.send("kit-probe", subject, "{\"specversion\":\"1.0\",\"id\":\"no-subject\"}");
        KafkaTestClient.send("kit-probe", subject, event(subject, "after the garbage"));

        var deadLetters = KafkaTestClient.read("dead-letter-topic-kit-probe", r -> subject.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertEquals(2, deadLetters.size(), "both unreadable messages dead-lettered");
        awaitApplied(subject, 2);
        assertEquals(java.util.List.of(subject + " first", subject + " after the garbage"),
                consumer.applied().stream().filter(note -> note.startsWith(subject)).toList());
    }

    private String event(String subject, String note) throws Exception {
        return json.writeValueAsString(EventEnvelope.of(UUID.randomUUID().toString(), "cn.healthcode.kit-probe",
                "/test", Instant.now(), subject, new ProbeConsumer.Probe(subject + " " + note)));
    }

    private void awaitApplied(String subject, int count) throws InterruptedException {
        for (int i = 0; i < 100 && consumer.applied().stream().filter(n -> n.startsWith(subject)).count() < count; i++) {
            Thread.sleep(100);
        }
    }
}
