package org.healthcode.kit.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer written the way every service writes one: read, then apply once in a transaction. */
@ApplicationScoped
public class ProbeConsumer {

    public record Probe(String note) {
    }

    private final List<String> applied = new CopyOnWriteArrayList<>();

    private final EventReader reader;
    private final Inbox inbox;

    public ProbeConsumer(EventReader reader, Inbox inbox) {
        this.reader = reader;
        this.inbox = inbox;
    }

    public List<String> applied() {
        return applied;
    }

    @Incoming("kit-probe")
    public Uni<Void> consume(String payload) {
        EventEnvelope<Probe> event = reader.read(payload, Probe.class);
        return Panache.withTransaction(() -> inbox.once("probe", event.id(), () -> {
            applied.add(event.data().note());
            return Uni.createFrom().voidItem();
        })).replaceWithVoid();
    }
}
