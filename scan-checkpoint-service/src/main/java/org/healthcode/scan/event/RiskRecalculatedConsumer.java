package org.healthcode.scan.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.kit.event.Inbox;
import org.healthcode.scan.domain.CurrentColour;
import org.healthcode.scan.repository.SubjectColourRepository;
import org.jboss.logging.Logger;

/**
 * Keeps each subject's current colour for the checkpoints. Applied once per event id, in one
 * transaction with the inbox; a stale event (evaluated before the stored colour) is recorded as
 * seen and ignored; an unreadable one goes to {@code dead-letter-topic-risk-recalculated}.
 */
@ApplicationScoped
public class RiskRecalculatedConsumer {

    private static final Logger LOG = Logger.getLogger(RiskRecalculatedConsumer.class);
    private static final String CONSUMER = "scan-checkpoint.current-colour";

    private final EventReader reader;
    private final Inbox inbox;
    private final SubjectColourRepository colours;
    private final Clock clock;

    public RiskRecalculatedConsumer(EventReader reader, Inbox inbox, SubjectColourRepository colours, Clock clock) {
        this.reader = reader;
        this.inbox = inbox;
        this.colours = colours;
        this.clock = clock;
    }

    @Incoming(RiskRecalculated.TOPIC)
    public Uni<Void> consume(String payload) {
        EventEnvelope<RiskRecalculated> event = reader.read(payload, RiskRecalculated.class);
        CurrentColour colour = event.data().toCurrentColour();
        if (!colour.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("risk-recalculated subject differs from its subjectId");
        }
        return Panache.withTransaction(() -> inbox.once(CONSUMER, event.id(),
                () -> colours.recordIfNewer(colour, clock.instant())
                        .invoke(stored -> {
                            if (!stored) {
                                LOG.debugf("Stale risk-recalculated for %s ignored", colour.subjectId());
                            }
                        })))
                .replaceWithVoid();
    }
}
