package org.healthcode.trace.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.trace.domain.Visit;
import org.healthcode.trace.repository.VisitRepository;
import org.healthcode.trace.service.LateVisitTracing;
import org.jboss.logging.Logger;

/**
 * Feeds the visit index from {@code scan-recorded}. Idempotent by scanId (the visit's unique key):
 * a redelivered or republished scan is one visit. A message it cannot read goes to
 * {@code dead-letter-topic-scan-recorded}.
 *
 * <p>Once indexed, the visit traces again any confirmed case it could reach (a scan that arrives
 * after its case was traced still finds its contacts), redelivered scans included: a crash between
 * the two steps loses no trace.
 *
 * <p>Every published scan is indexed, DENY included: the person was at the venue's entrance at
 * that time, and tracing would rather ask one person too many than miss one.
 */
@ApplicationScoped
public class ScanRecordedConsumer {

    private static final Logger LOG = Logger.getLogger(ScanRecordedConsumer.class);

    private final EventReader reader;
    private final VisitRepository visits;
    private final LateVisitTracing lateVisits;

    public ScanRecordedConsumer(EventReader reader, VisitRepository visits, LateVisitTracing lateVisits) {
        this.reader = reader;
        this.visits = visits;
        this.lateVisits = lateVisits;
    }

    @Incoming(ScanRecorded.TOPIC)
    public Uni<Void> consume(String payload) {
        EventEnvelope<ScanRecorded> event = reader.read(payload, ScanRecorded.class);
        Visit visit = event.data().toVisit();
        if (visit == null) {
            throw new UnreadableEventException("scan-recorded lacks scanId, subjectId, venueId, a known venueType or at");
        }
        if (!visit.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("scan-recorded subject differs from its subjectId");
        }
        return visits.record(event.data().scanId(), visit)
                .chain(() -> lateVisits.traceAgainFor(visit))
                .onFailure().invoke(e -> LOG.warnf("Scan event %s not indexed or not traced (%s); dead-lettered", event.id(),
                        e.getClass().getName()))
                .replaceWithVoid();
    }
}
