package org.healthcode.kit.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final EventTracing tracing;
    private final String source;

    public Outbox(ObjectMapper json, Clock clock, EventTracing tracing,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
        this.source = "/healthcode/" + application;
    }

    /**
     * One event of a batch: its record key and CloudEvents subject (a subjectId), its data, and the
     * id of the inbound event that caused it, if any, whose trace it continues (see
     * {@link EventTracing}).
     */
    public record Keyed(String subjectId, Object data, String cause) {

        public Keyed(String subjectId, Object data) {
            this(subjectId, data, null);
        }
    }

    // WITH ORDINALITY keeps the list's order in the outbox's sequence, which the relay sends in.
    private static final String INSERT_ALL = """
            insert into outbox_event (id, topic, event_key, payload, traceparent, tracestate)
            select cast(u.id as uuid), ?1, u.event_key, u.payload, u.traceparent, u.tracestate
            from unnest(cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]),
                        cast(?6 as text[])) with ordinality
                 as u(id, event_key, payload, traceparent, tracestate, n)
            order by u.n""";

    /**
     * An event as the outbox stores it, for a service that writes its change and its event in one
     * statement of its own (a scan is one round trip): insert these into {@code outbox_event (id,
     * topic, event_key, payload, traceparent, tracestate)} in that statement.
     */
    public record Row(UUID id, String topic, String key, String payload, String traceparent, String tracestate) {
    }

    /** The row of an event about {@code subjectId}, continuing the current trace. */
    public Row row(String topic, String subjectId, Object data) {
        UUID id = UUID.randomUUID();
        try {
            EventTracing.Stored trace = tracing.storedFor(null);
            return new Row(id, topic, subjectId, envelope(id, topic, subjectId, data, clock.instant()),
                    trace.traceparent(), trace.tracestate());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event not serialisable: " + topic, e);
        }
    }

    /**
     * Adds an event to the current transaction. Topic = channel name; the record key and the
     * CloudEvents subject are the pseudonymous {@code subjectId}. The event continues the current
     * trace. Returns the event id.
     */
    public Uni<UUID> publish(String topic, String subjectId, Object data) {
        Row row;
        try {
            row = row(topic, subjectId, data);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into outbox_event (id, topic, event_key, payload, traceparent, tracestate) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, row.id())
                .setParameter(2, row.topic())
                .setParameter(3, row.key())
                .setParameter(4, row.payload())
                .setParameter(5, row.traceparent())
                .setParameter(6, row.tracestate())
                .executeUpdate())
                .replaceWith(row.id());
    }

    /**
     * Adds many events to the current transaction in one statement, in order (a case with a
     * thousand contacts is one round trip, not a thousand).
     */
    public Uni<Void> publishAll(String topic, List<Keyed> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        String[] traceparents = new String[n];
        String[] tracestates = new String[n];
        Instant now = clock.instant();
        try {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                ids[i] = id.toString();
                keys[i] = events.get(i).subjectId();
                payloads[i] = envelope(id, topic, keys[i], events.get(i).data(), now);
                EventTracing.Stored trace = tracing.storedFor(events.get(i).cause());
                traceparents[i] = trace.traceparent();
                tracestates[i] = trace.tracestate();
            }
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event not serialisable: " + topic, e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, topic)
                .setParameter(2, ids)
                .setParameter(3, keys)
                .setParameter(4, payloads)
                .setParameter(5, traceparents)
                .setParameter(6, tracestates)
                .executeUpdate())
                .replaceWithVoid();
    }

    private String envelope(UUID id, String topic, String subjectId, Object data, Instant time)
            throws JsonProcessingException {
        return json.writeValueAsString(EventEnvelope.of(id.toString(), EventEnvelope.TYPE_PREFIX + topic, source,
                time, subjectId, data));
    }
}
