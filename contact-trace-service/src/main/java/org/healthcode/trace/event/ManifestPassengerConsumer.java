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
 * Feeds the visit index from {@code manifest-passenger-imported}, a poll at a time, as scans are
 * fed: each passenger becomes a visit of their carriage (the venue of the trip's carriage or cabin,
 * its type the transport mode) at the departure, with their seat. Idempotent by itself: the visit's
 * key is the passenger and the carriage ({@link ManifestPassengerImported#visitKey}), so a
 * redelivered or republished event is one visit. Then, as for scans, any confirmed case the visits
 * could reach is traced again: a manifest uploaded after the case was confirmed still finds the
 * fellow passengers. A message it cannot read goes to {@code dead-letter-topic-manifest-passenger-imported}.
 *
 * <p>Passengers of one carriage share its departure, so they are within every transport window of
 * each other; the seat rule ({@code Seat.CLOSE_ROWS}) then tells close passengers from far ones.
 */
@ApplicationScoped
public class ManifestPassengerConsumer {

    static final String CONSUMER = "contact-trace/manifest-passenger-imported";

    private final EventBatch events;
    private final VisitRepository visits;
    private final LateVisitTracing lateVisits;

    public ManifestPassengerConsumer(EventBatch events, VisitRepository visits, LateVisitTracing lateVisits) {
        this.events = events;
        this.visits = visits;
        this.lateVisits = lateVisits;
    }

    @Incoming(ManifestPassengerImported.TOPIC)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return events.apply(CONSUMER, batch, ManifestPassengerImported.class, ManifestPassengerConsumer::passenger,
                this::index);
    }

    private Uni<Void> index(List<Scanned> passengers) {
        return visits.recordAll(passengers)
                .chain(() -> lateVisits.traceAgainFor(passengers.stream().map(Scanned::visit).toList()));
    }

    private static Scanned passenger(EventEnvelope<ManifestPassengerImported> event) {
        Visit visit = event.data().toVisit();
        if (visit == null) {
            throw new UnreadableEventException(
                    "manifest-passenger-imported lacks subjectId, venueId, departure, a transport mode or a valid seat");
        }
        if (!visit.subjectId().equals(event.subject())) {
            throw new UnreadableEventException("manifest-passenger-imported subject differs from its subjectId");
        }
        return new Scanned(event.data().visitKey(), visit);
    }
}
