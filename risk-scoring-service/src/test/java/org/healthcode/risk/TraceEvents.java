package org.healthcode.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.healthcode.infra.RealInfra;
import org.healthcode.infra.testing.KafkaTestClient;

/**
 * {@code case-confirmed} and {@code contact-identified} as contact-trace-service publishes them
 * (the contract's examples, varied).
 */
final class TraceEvents {

    private final String topic;
    private final ObjectNode event;

    private TraceEvents(String topic, ObjectNode event) {
        this.topic = topic;
        this.event = event;
    }

    /** The authority's decision on {@code caseId}, taken (and published) {@code when} (to the millisecond). */
    static TraceEvents caseDecision(String subjectId, String caseId, String status, Instant when) {
        Instant decidedAt = when.truncatedTo(ChronoUnit.MILLIS);
        TraceEvents decision = new TraceEvents("case-confirmed", read("case-confirmed"));
        decision.event.put("id", UUID.randomUUID().toString()).put("subject", subjectId)
                .put("time", decidedAt.toString());
        decision.data().put("caseId", caseId).put("subjectId", subjectId).put("status", status)
                .put("confirmedAt", decidedAt.toString());
        return decision;
    }

    /** A contact of {@code degree} by {@code exposure}, last exposed at {@code lastExposure}, traced {@code when}. */
    static TraceEvents contact(String subjectId, int degree, String exposure, Instant lastExposure, Instant when) {
        Instant tracedAt = when.truncatedTo(ChronoUnit.MILLIS);
        TraceEvents contact = new TraceEvents("contact-identified", read("contact-identified"));
        contact.event.put("id", UUID.randomUUID().toString()).put("subject", subjectId)
                .put("time", tracedAt.toString());
        contact.data().put("traceId", UUID.randomUUID().toString()).put("caseId", UUID.randomUUID().toString())
                .put("caseSubjectId", Declarations.newSubjectId()).put("contactSubjectId", subjectId)
                .put("degree", degree).put("exposure", exposure)
                .put("overlapFrom", lastExposure.minusSeconds(600).toString()).put("overlapTo", lastExposure.toString())
                .put("lastExposure", lastExposure.toString());
        return contact;
    }

    /** The same finding published again under a new event id. */
    TraceEvents republished() {
        return new TraceEvents(topic, event.deepCopy().put("id", UUID.randomUUID().toString()));
    }

    /** This event with {@code field} of its data replaced by a raw JSON {@code value}. */
    TraceEvents withData(String field, String value) {
        ObjectNode copy = event.deepCopy();
        try {
            ((ObjectNode) copy.get("data")).set(field, Declarations.JSON.readTree(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TraceEvents(topic, copy);
    }

    /** Sends the messages in one go, in order, so that the consumer likely takes them as one batch. */
    static void sendAll(String topic, String key, List<String> values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfra.shared().kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            values.forEach(value -> producer.send(new ProducerRecord<>(topic, key, value)));
            producer.flush();
        }
    }

    String id() {
        return event.get("id").asText();
    }

    String json() {
        return event.toString();
    }

    TraceEvents send() throws Exception {
        KafkaTestClient.send(topic, event.get("subject").asText(), json());
        return this;
    }

    private ObjectNode data() {
        return (ObjectNode) event.get("data");
    }

    private static ObjectNode read(String name) {
        try (InputStream in = TraceEvents.class.getResourceAsStream("/events/" + name + ".contract.json")) {
            return (ObjectNode) Declarations.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
