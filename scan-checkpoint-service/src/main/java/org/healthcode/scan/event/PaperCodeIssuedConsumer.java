package org.healthcode.scan.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.CurrentPaper;
import org.healthcode.scan.repository.PaperCodeRepository;

/**
 * Keeps each subject's latest paper code, so that a scanned older print is refused. Applied once
 * per event id with the inbox (the kit's {@link EventBatch}); an event of an older print than the
 * stored one changes nothing; an unreadable one goes to {@code dead-letter-topic-paper-code-issued}.
 */
@ApplicationScoped
public class PaperCodeIssuedConsumer {

    private static final String CONSUMER = "scan-checkpoint.current-paper-code";

    private final EventBatch events;
    private final PaperCodeRepository papers;
    private final Clock clock;

    public PaperCodeIssuedConsumer(EventBatch events, PaperCodeRepository papers, Clock clock) {
        this.events = events;
        this.papers = papers;
        this.clock = clock;
    }

    @Incoming(PaperCodeIssued.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.applyOnce(CONSUMER, batch, PaperCodeIssued.class, PaperCodeIssuedConsumer::paperOf,
                fresh -> papers.recordAllIfNewer(fresh, clock.instant()));
    }

    private static CurrentPaper paperOf(EventEnvelope<PaperCodeIssued> event) {
        CurrentPaper paper = event.data().toCurrentPaper();
        if (!paper.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("paper-code-issued subject differs from its subjectId");
        }
        return paper;
    }
}
