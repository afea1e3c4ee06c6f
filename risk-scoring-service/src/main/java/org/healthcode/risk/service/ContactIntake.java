package org.healthcode.risk.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.risk.event.ContactIdentified;
import org.healthcode.risk.repository.ContactRepository;

/**
 * Adds traced contacts to their subjects' facts and re-evaluates those subjects, many at once: one
 * lock statement, one insert round, one query per kind of fact, whatever the number of contacts.
 * A contact may never have declared: the state is then created in the case's province.
 */
@ApplicationScoped
public class ContactIntake {

    private final ContactRepository contacts;
    private final RiskService risk;
    private final Clock clock;

    public ContactIntake(ContactRepository contacts, RiskService risk, Clock clock) {
        this.contacts = contacts;
        this.risk = risk;
        this.clock = clock;
    }

    /**
     * Runs inside the consumer's transaction, for events not applied before, in the order they
     * were published. Each subject is evaluated once with all its new contacts; the cause of a
     * change is the subject's last event. Answers the subjects whose colour changed.
     */
    public Uni<List<RiskService.Recoloured>> accept(List<EventEnvelope<ContactIdentified>> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, String> causes = new HashMap<>();
        events.forEach(event -> causes.put(event.data().contactSubjectId(), event.id()));
        return risk.lockAll(causes.keySet()).chain(rows -> store(events).chain(() -> {
            // after the insert, so that each row is written once, with its new state
            events.forEach(event -> rows.get(event.data().contactSubjectId()).adoptProvince(event.data().province()));
            return risk.recalculate(List.copyOf(rows.values()), causes, RiskService.Origin.EVENT);
        }));
    }

    private Uni<Void> store(List<EventEnvelope<ContactIdentified>> events) {
        Instant now = clock.instant();
        return contacts.insertAll(events.stream().map(event -> new ContactRepository.Finding(
                event.data().contactSubjectId(), event.data().traceId(),
                event.data().toContact(identifiedAt(event, now)))).toList());
    }

    /** When tracing published the finding; now when the event does not say. */
    private static Instant identifiedAt(EventEnvelope<ContactIdentified> event, Instant now) {
        return (event.time() == null ? now : event.time()).truncatedTo(ChronoUnit.MILLIS);
    }
}
