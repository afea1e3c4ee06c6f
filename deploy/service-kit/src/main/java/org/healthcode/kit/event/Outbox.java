package org.healthcode.kit.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes an event from inside the transaction that changes the state it describes: the event
 * is a row of that transaction, and {@link OutboxRelay} hands it to Kafka after commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final String source;

    public Outbox(ObjectMapper json, Clock clock, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.clock = clock;
        this.source = "/healthcode/" + application;
    }

    /**
     * Adds an event to the current transaction. Topic = channel name; the record key and the
     * CloudEvents subject are the pseudonymous {@code subjectId}. Returns the event id.
     */
    public Uni<UUID> publish(String topic, String subjectId, Object data) {
        UUID id = UUID.randomUUID();
        EventEnvelope<Object> event = EventEnvelope.of(id.toString(), EventEnvelope.TYPE_PREFIX + topic, source,
                clock.instant(), subjectId, data);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event not serialisable: " + topic, e));
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into outbox_event (id, topic, event_key, payload) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, subjectId)
                .setParameter(4, payload)
                .executeUpdate())
                .replaceWith(id);
    }
}
