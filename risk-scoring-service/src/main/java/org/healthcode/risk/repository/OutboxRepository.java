package org.healthcode.risk.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.kit.event.EventEnvelope;

/**
 * The kit's {@code Outbox} for many events at once: the same envelopes in the same
 * {@code outbox_event} rows, relayed by the kit's relay, but written with one statement instead of
 * one per event (the kit's {@code Outbox.publish} takes a single event). Call inside the
 * transaction that changes the state the events describe.
 */
@ApplicationScoped
public class OutboxRepository {

    /** One event to publish: its record key and CloudEvents subject, and its data. */
    public record Pending(String subjectId, Object data) {
    }

    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, payload)
            select cast(e ->> 'id' as uuid), e ->> 'topic', e ->> 'key', e ->> 'payload'
            from jsonb_array_elements(cast(cast(?1 as text) as jsonb)) with ordinality as rows(e, n)
            order by n""";

    private final ObjectMapper json;
    private final Clock clock;
    private final String source;

    public OutboxRepository(ObjectMapper json, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.clock = clock;
        this.source = "/healthcode/" + application;
    }

    /** Adds the events to the current transaction, in order (topic = channel name, key = subjectId). */
    public Uni<Void> publishAll(String topic, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        try {
            for (Pending event : events) {
                String id = UUID.randomUUID().toString();
                EventEnvelope<Object> envelope = EventEnvelope.of(id, EventEnvelope.TYPE_PREFIX + topic, source,
                        clock.instant(), event.subjectId(), event.data());
                rows.addObject().put("id", id).put("topic", topic).put("key", event.subjectId())
                        .put("payload", json.writeValueAsString(envelope));
            }
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event not serialisable: " + topic, e));
        }
        // typed as text first: a string bound straight to jsonb would be sent as a JSON string
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, rows.toString())
                .executeUpdate())
                .replaceWithVoid();
    }
}
