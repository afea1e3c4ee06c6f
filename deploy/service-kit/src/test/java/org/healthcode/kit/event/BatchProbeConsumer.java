package org.healthcode.kit.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventReader.UnreadableEventException;

/**
 * A batch consumer written the way the services write one: a note without text is unreadable, a
 * note that says "refused" makes the effect fail (as a broken row would make a statement fail).
 */
@ApplicationScoped
public class BatchProbeConsumer {

    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final EventBatch events;

    public BatchProbeConsumer(EventBatch events) {
        this.events = events;
    }

    public List<String> applied() {
        return applied;
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    @Incoming("kit-probe-batch")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.applyOnce("probe-batch", batch, ProbeConsumer.Probe.class, event -> {
            if (event.data().note() == null) {
                throw new UnreadableEventException("probe without a note");
            }
            return event.data().note();
        }, notes -> {
            batchSizes.add(notes.size());
            if (notes.stream().anyMatch(note -> note.endsWith("refused"))) {
                return Uni.createFrom().failure(new IllegalStateException("refused"));
            }
            applied.addAll(notes);
            return Uni.createFrom().voidItem();
        });
    }
}
