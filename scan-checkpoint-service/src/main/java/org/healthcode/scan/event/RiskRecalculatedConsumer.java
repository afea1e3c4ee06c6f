package org.healthcode.scan.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.CurrentColour;
import org.healthcode.scan.repository.SubjectColourRepository;
import org.jboss.logging.Logger;

/**
 * Keeps each subject's current colour. A poll of events is applied at once (a confirmed case
 * recolours a thousand people within a second), once per event id, in one transaction with the
 * inbox (the kit's {@link EventBatch}); a stale event (evaluated before the stored colour) is
 * recorded as seen and changes nothing; an unreadable one goes to
 * {@code dead-letter-topic-risk-recalculated} alone.
 */
@ApplicationScoped
public class RiskRecalculatedConsumer {

    private static final Logger LOG = Logger.getLogger(RiskRecalculatedConsumer.class);
    private static final String CONSUMER = "scan-checkpoint.current-colour";

    private final EventBatch events;
    private final SubjectColourRepository colours;
    private final Clock clock;

    public RiskRecalculatedConsumer(EventBatch events, SubjectColourRepository colours, Clock clock) {
        this.events = events;
        this.colours = colours;
        this.clock = clock;
    }

    @Incoming(RiskRecalculated.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.applyOnce(CONSUMER, batch, RiskRecalculated.class, RiskRecalculatedConsumer::colourOf,
                fresh -> colours.recordAllIfNewer(fresh, clock.instant()).invoke(stored -> {
                    if (stored < fresh.size()) {
                        LOG.debugf("%d stale or superseded risk-recalculated ignored", fresh.size() - stored);
                    }
                }));
    }

    private static CurrentColour colourOf(EventEnvelope<RiskRecalculated> event) {
        CurrentColour colour = event.data().toCurrentColour();
        if (!colour.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("risk-recalculated subject differs from its subjectId");
        }
        return colour;
    }
}
