package org.healthcode.trace.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.trace.domain.Visit;
import org.healthcode.trace.repository.VisitRepository;
import org.healthcode.trace.repository.VisitRepository.Scanned;
import org.healthcode.trace.service.LateVisitTracing;

/**
 * Feeds the visit index from {@code scan-recorded}, a poll at a time (the kit's {@link EventBatch}):
 * the poll's scans in one statement, idempotent by scanId (a redelivered or republished scan is
 * one visit), then one look for the confirmed cases they could reach. A message it cannot read goes
 * to {@code dead-letter-topic-scan-recorded} alone.
 *
 * <p>Once indexed, the visits trace again any confirmed case they could reach (a scan that arrives
 * after its case was traced still finds its contacts), redelivered scans included: a crash between
 * the two steps loses no trace.
 *
 * <p>Every published scan is indexed, DENY included: the person was at the venue's entrance at
 * that time, and tracing would rather ask one person too many than miss one.
 */
@ApplicationScoped
public class ScanRecordedConsumer {

    static final String CONSUMER = "contact-trace/scan-recorded";

    private final EventBatch events;
    private final VisitRepository visits;
    private final LateVisitTracing lateVisits;

    public ScanRecordedConsumer(EventBatch events, VisitRepository visits, LateVisitTracing lateVisits) {
        this.events = events;
        this.visits = visits;
        this.lateVisits = lateVisits;
    }

    @Incoming(ScanRecorded.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.apply(CONSUMER, batch, ScanRecorded.class, ScanRecordedConsumer::scanned, this::index);
    }

    private Uni<Void> index(List<Scanned> scans) {
        return visits.recordAll(scans)
                .chain(() -> lateVisits.traceAgainFor(scans.stream().map(Scanned::visit).toList()));
    }

    private static Scanned scanned(EventEnvelope<ScanRecorded> event) {
        Visit visit = event.data().toVisit();
        if (visit == null) {
            throw new UnreadableEventException("scan-recorded lacks scanId, subjectId, venueId, a known venueType or at");
        }
        if (!visit.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("scan-recorded subject differs from its subjectId");
        }
        return new Scanned(event.data().scanId(), visit, event.data().home());
    }
}
