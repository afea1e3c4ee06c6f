package org.healthcode.trace.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.healthcode.trace.TraceConfig;
import org.healthcode.trace.domain.CloseContactFinder;
import org.healthcode.trace.domain.Contact;
import org.healthcode.trace.domain.TraceCase;
import org.healthcode.trace.domain.TraceSettings;
import org.healthcode.trace.event.ContactIdentified;
import org.healthcode.kit.event.Outbox;
import org.healthcode.trace.repository.ContactRepository;
import org.healthcode.trace.repository.ContactRepository.StoredContact;
import org.healthcode.trace.repository.VisitRepository;
import org.jboss.logging.Logger;

/**
 * Traces a confirmed case inside the caller's transaction: reads the visit index in four
 * set-based statements (the case's visits, who was around them, the close contacts' later visits,
 * who was around those), lets {@link CloseContactFinder} decide, stores the contacts and publishes
 * {@code contact-identified} for each one stored for the first time.
 */
@ApplicationScoped
public class ContactTracing {

    private static final Logger LOG = Logger.getLogger(ContactTracing.class);

    /** What one tracing run found and how many of those were new. */
    public record Outcome(int found, int published) {
    }

    private final VisitRepository visits;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final TraceConfig config;
    private final Clock clock;

    public ContactTracing(VisitRepository visits, ContactRepository contacts, Outbox outbox, TraceConfig config,
            Clock clock) {
        this.visits = visits;
        this.contacts = contacts;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Call inside a transaction; the case must be confirmed (it has a confirmation time). */
    public Uni<Outcome> trace(TraceCase c) {
        TraceSettings settings = config.settingsFor(c.province());
        CloseContactFinder finder = new CloseContactFinder(settings);
        Instant until = c.confirmedAt();
        Instant from = settings.lookBackFrom(until, c.onsetDate());
        long[] lap = {System.nanoTime(), 0, 0};
        return visits.ofSubjects(Map.of(c.subjectId(), from), until)
                .chain(caseVisits -> visits.within(finder.degreeOneWindows(caseVisits))
                        .map(around -> finder.degreeOne(c.subjectId(), caseVisits, around)))
                .invoke(() -> lap[1] = System.nanoTime())
                .chain(first -> degreeTwo(c, finder, settings, first, until).map(second -> {
                    // Degree 1 first: published (and relayed) in this order, so on every partition
                    // the contacts who turn red come before those who turn yellow.
                    List<Contact> all = new ArrayList<>(first);
                    all.addAll(second);
                    return all;
                }))
                .invoke(() -> lap[2] = System.nanoTime())
                .chain(found -> store(c, found).map(published -> new Outcome(found.size(), published)))
                .invoke(outcome -> LOG.infof("Case %s traced: %d contacts, %d new, in %d ms (degree 1: %d, degree 2: %d, "
                        + "storing and publishing: %d)", c.id(), outcome.found(), outcome.published(),
                        millis(lap[0], System.nanoTime()), millis(lap[0], lap[1]), millis(lap[1], lap[2]),
                        millis(lap[2], System.nanoTime())));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private Uni<List<Contact>> degreeTwo(TraceCase c, CloseContactFinder finder, TraceSettings settings,
            List<Contact> first, Instant until) {
        Map<String, Instant> since = first.stream().filter(contact -> contact.closeSince() != null)
                .collect(Collectors.toMap(Contact::subjectId, Contact::closeSince));
        if (!settings.degreeTwo() || since.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return visits.ofSubjects(since, until)
                .chain(contactVisits -> visits.within(finder.degreeTwoWindows(contactVisits))
                        .map(around -> finder.degreeTwo(c.subjectId(), first, contactVisits, around, until)));
    }

    private Uni<Integer> store(TraceCase c, List<Contact> found) {
        List<StoredContact> rows = found.stream()
                .map(contact -> new StoredContact(UUID.randomUUID(), contact.subjectId(), contact.sourceSubjectId(),
                        contact.degree(), contact.exposure(), contact.venueId(), contact.overlapFrom(),
                        contact.overlapTo(), null))
                .toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return contacts.insertNew(c.id(), rows, now).chain(inserted -> {
            List<StoredContact> fresh = rows.stream().filter(row -> inserted.containsKey(row.traceId())).toList();
            return publish(c, fresh, inserted).replaceWith(fresh.size());
        });
    }

    private Uni<Void> publish(TraceCase c, List<StoredContact> fresh, Map<UUID, String> homes) {
        return outbox.publishAll(ContactIdentified.TOPIC, fresh.stream()
                .map(row -> new Outbox.Keyed(row.contactSubjectId(), event(c, row, homes.get(row.traceId()))))
                .toList());
    }

    /** {@code homeProvince}: the contact's home when they are a visitor from another province, else null. */
    private static ContactIdentified event(TraceCase c, StoredContact row, String homeProvince) {
        return new ContactIdentified(row.traceId(), c.id(), c.subjectId(), row.contactSubjectId(), row.degree(),
                row.exposure(), row.venueId(), row.overlapFrom(), row.overlapTo(), row.overlapTo(), c.province(),
                homeProvince);
    }
}
