package org.healthcode.codeissuer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** The consumer of risk-recalculated: in order, once, and never stuck on a bad message. */
@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
class RiskRecalculatedIT {

    @Inject
    Pool pool;

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String subject = TestKeys.subjectId();
        Instant evaluatedAt = Instant.now();
        String id = UUID.randomUUID().toString();
        String event = RiskEvents.event(id, subject, "RED", false, evaluatedAt, evaluatedAt.plusSeconds(3600));
        KafkaTestClient.send(RiskEvents.TOPIC, subject, event);
        RiskEvents.awaitColour(subject, "RED");
        OffsetDateTime appliedAt = updatedAt(subject);

        KafkaTestClient.send(RiskEvents.TOPIC, subject, event);
        // Same key, same partition: once this later (stale) event is processed, so is the duplicate.
        String marker = RiskEvents.send(subject, "GREEN", false, evaluatedAt.minusSeconds(600));
        awaitProcessed(marker);

        assertEquals(appliedAt, updatedAt(subject), "the duplicate was not applied again");
        assertEquals(1L, count("select count(*) from processed_event where event_id = $1", id));
    }

    @Test
    void anEventEvaluatedBeforeTheStoredColourIsIgnored() throws Exception {
        String subject = TestKeys.subjectId();
        Instant now = Instant.now();
        RiskEvents.send(subject, "RED", false, now);
        RiskEvents.awaitColour(subject, "RED");

        awaitProcessed(RiskEvents.send(subject, "GREEN", true, now.minusSeconds(1)));
        RiskEvents.code(subject).then().statusCode(200).body("colour", equalTo("RED"));

        RiskEvents.send(subject, "GREEN", true, now.plusSeconds(1));
        RiskEvents.awaitColour(subject, "GREEN");
    }

    @Test
    void aBurstOfColoursForOneSubjectLeavesTheLatestEvaluation() throws Exception {
        String subject = TestKeys.subjectId();
        Instant now = Instant.now();
        // one producer, one partition, so the consumer most likely takes them in one poll
        KafkaTestClient.sendAll(RiskEvents.TOPIC, subject, List.of(
                RiskEvents.event(UUID.randomUUID().toString(), subject, "RED", false, now, now.plusSeconds(3600)),
                RiskEvents.event(UUID.randomUUID().toString(), subject, "YELLOW", false, now.plusSeconds(2),
                        now.plusSeconds(3600)),
                RiskEvents.event(UUID.randomUUID().toString(), subject, "GREEN", false, now.plusSeconds(1),
                        now.plusSeconds(3600))));
        String marker = RiskEvents.send(subject, "GREEN", true, now.minusSeconds(600));
        awaitProcessed(marker);
        RiskEvents.code(subject).then().statusCode(200).body("colour", equalTo("YELLOW"));
    }

    @Test
    void unreadableEventsAreDeadLetteredAndTheConsumerGoesOn() throws Exception {
        String subject = TestKeys.subjectId();
        Instant now = Instant.now();
        String good = RiskEvents.event(UUID.randomUUID().toString(), subject, "RED", false, now, now);
        KafkaTestClient.send(RiskEvents.TOPIC, subject, "{not json");
        KafkaTestClient.send(RiskEvents.TOPIC, subject, good.replace("\"colour\":\"RED\",\"previous", "\"colour\":\"PURPLE\",\"previous"));
        KafkaTestClient.send(RiskEvents.TOPIC, subject, good.replace("\"evaluatedAt\":\"" + now + "\",", ""));
        KafkaTestClient.send(RiskEvents.TOPIC, subject, good.replace("\"subjectId\":\"" + subject + "\"", "\"subjectId\":\"x\""));
        RiskEvents.send(subject, "YELLOW", false, now);

        var deadLetters = KafkaTestClient.read("dead-letter-topic-" + RiskEvents.TOPIC, r -> subject.equals(r.key()), 4,
                Duration.ofSeconds(30));
        assertEquals(4, deadLetters.size(), "every unreadable message dead-lettered");
        RiskEvents.awaitColour(subject, "YELLOW");
    }

    private void awaitProcessed(String eventId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (count("select count(*) from processed_event where event_id = $1", eventId) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event never processed");
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private OffsetDateTime updatedAt(String subject) {
        Row row = pool.preparedQuery("select updated_at from subject_colour where subject_id = $1").execute(Tuple.of(subject))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getOffsetDateTime(0);
    }
}
