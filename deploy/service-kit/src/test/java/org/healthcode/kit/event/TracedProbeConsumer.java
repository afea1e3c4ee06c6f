package org.healthcode.kit.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.ProbeConsumer.Probe;

/**
 * Consumers written the way the services write theirs, each passing what it reads on through its
 * outbox to {@value #ECHO}: one record at a time (as risk-scoring's case listener), and a poll at a
 * time, each event written naming the event that caused it (as risk-scoring's contact listener).
 */
@ApplicationScoped
public class TracedProbeConsumer {

    static final String SINGLE = "kit-trace-probe";
    static final String BATCH = "kit-trace-probe-batch";
    static final String ECHO = "kit-trace-echo";

    private final EventReader reader;
    private final Inbox inbox;
    private final EventBatch events;
    private final EventTracing tracing;
    private final Outbox outbox;

    public TracedProbeConsumer(EventReader reader, Inbox inbox, EventBatch events, EventTracing tracing, Outbox outbox) {
        this.reader = reader;
        this.inbox = inbox;
        this.events = events;
        this.tracing = tracing;
        this.outbox = outbox;
    }

    @Incoming(SINGLE)
    public Uni<Void> consume(String payload) {
        EventEnvelope<Probe> event = reader.read(payload, Probe.class);
        return tracing.processing(SINGLE, "trace-probe", event.id(), () -> Panache.withTransaction(
                        () -> inbox.once("trace-probe", event.id(), () -> outbox.publish(ECHO, event.subject(), event.data()))))
                .replaceWithVoid();
    }

    @Incoming(BATCH)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.applyOnce("trace-probe-batch", batch, Probe.class, event -> event,
                fresh -> outbox.publishAll(ECHO, fresh.stream()
                        .map(event -> new Outbox.Keyed(event.subject(), event.data(), event.id())).toList()));
    }
}
