package org.healthcode.trace.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who a case exposed, from visits alone. Degree 1: anyone who scanned at a venue the case scanned
 * at, close enough in time for the venue's window. Degree 2: anyone who scanned close to a close
 * contact's own visit made after that contact was first exposed. Each person is a contact once, by
 * their strongest link (a close link beats a spatiotemporal one; then the latest, whose end starts
 * the longest quarantine; then the nearest in time).
 *
 * <p>Plain Java: the database only supplies the visits, through {@link #searchWindows}.
 */
public final class CloseContactFinder {

    /** Close links first, then the latest end, then the shortest gap, then a stable order. */
    private static final Comparator<Contact> STRONGEST_FIRST = Comparator
            .comparing((Contact c) -> c.exposure().isClose() ? 0 : 1)
            .thenComparing(Contact::overlapTo, Comparator.reverseOrder())
            .thenComparing(c -> Duration.between(c.overlapFrom(), c.overlapTo()))
            .thenComparing(Contact::sourceSubjectId)
            .thenComparing(Contact::venueId);

    private final TraceSettings settings;

    public CloseContactFinder(TraceSettings settings) {
        this.settings = settings;
    }

    /**
     * The stretches of time, per venue, that hold every visit that can link to one of the
     * {@code anchors}: each anchor ± its reach, overlapping stretches merged, so that a busy venue
     * is read once however many anchors were there.
     */
    public static List<VenueWindow> searchWindows(Collection<Visit> anchors, Function<VenueType, Duration> reach) {
        List<Visit> sorted = anchors.stream()
                .sorted(Comparator.comparing(Visit::venueId).thenComparing(Visit::at))
                .toList();
        List<VenueWindow> windows = new ArrayList<>();
        VenueWindow open = null;
        for (Visit anchor : sorted) {
            Duration r = reach.apply(anchor.venueType());
            Instant from = anchor.at().minus(r);
            Instant to = anchor.at().plus(r);
            if (open != null && open.venueId().equals(anchor.venueId()) && !from.isAfter(open.to())) {
                open = new VenueWindow(open.venueId(), open.from(), to.isAfter(open.to()) ? to : open.to());
            } else {
                if (open != null) {
                    windows.add(open);
                }
                open = new VenueWindow(anchor.venueId(), from, to);
            }
        }
        if (open != null) {
            windows.add(open);
        }
        return windows;
    }

    /** Where to look for the case's contacts, given the case's own visits in the look-back. */
    public List<VenueWindow> degreeOneWindows(Collection<Visit> caseVisits) {
        return searchWindows(caseVisits, settings::degreeOneReach);
    }

    /** Where to look for degree-2 contacts, given the close contacts' visits since their exposure. */
    public List<VenueWindow> degreeTwoWindows(Collection<Visit> contactVisits) {
        return searchWindows(contactVisits, settings::degreeTwoReach);
    }

    /**
     * The case's degree-1 contacts.
     *
     * @param caseSubjectId the case
     * @param caseVisits    the case's visits within the look-back
     * @param coVisits      visits at the same venues around them (anything else is ignored)
     */
    public List<Contact> degreeOne(String caseSubjectId, Collection<Visit> caseVisits, Collection<Visit> coVisits) {
        Map<UUID, List<Visit>> anchors = byVenue(caseVisits);
        Map<String, Contact> best = new HashMap<>();
        Map<String, Instant> closeSince = new HashMap<>();
        for (Visit other : coVisits) {
            if (other.subjectId().equals(caseSubjectId)) {
                continue;
            }
            for (Visit anchor : near(anchors.get(other.venueId()), other.at(), settings::degreeOneReach)) {
                Exposure exposure = classify(anchor, other, false);
                if (exposure == null) {
                    continue;
                }
                Contact link = link(other, anchor, 1, exposure);
                best.merge(other.subjectId(), link, CloseContactFinder::stronger);
                if (exposure.isClose()) {
                    closeSince.merge(other.subjectId(), link.overlapFrom(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return best.values().stream()
                .map(c -> new Contact(c.subjectId(), c.degree(), c.exposure(), c.sourceSubjectId(), c.venueId(),
                        c.overlapFrom(), c.overlapTo(), closeSince.get(c.subjectId())))
                .sorted(Comparator.comparing(Contact::overlapFrom).thenComparing(Contact::subjectId))
                .toList();
    }

    /**
     * The degree-2 contacts: close contacts of the case's close contacts, found among their visits
     * from their first close exposure until {@code until} (the confirmation). Nobody who is the
     * case or already a degree-1 contact is one.
     *
     * @param degreeOne     every degree-1 contact (only the close ones are followed)
     * @param contactVisits the close contacts' visits (those before their exposure are ignored)
     * @param coVisits      visits at the same venues around them
     */
    public List<Contact> degreeTwo(String caseSubjectId, Collection<Contact> degreeOne, Collection<Visit> contactVisits,
            Collection<Visit> coVisits, Instant until) {
        if (!settings.degreeTwo()) {
            return List.of();
        }
        Map<String, Instant> since = degreeOne.stream().filter(c -> c.closeSince() != null)
                .collect(Collectors.toMap(Contact::subjectId, Contact::closeSince));
        Set<String> known = new HashSet<>(since.size() + 1);
        known.add(caseSubjectId);
        degreeOne.forEach(c -> known.add(c.subjectId()));
        List<Visit> exposedVisits = contactVisits.stream()
                .filter(v -> since.containsKey(v.subjectId()))
                .filter(v -> !v.at().isBefore(since.get(v.subjectId())) && !v.at().isAfter(until))
                .toList();
        Map<UUID, List<Visit>> anchors = byVenue(exposedVisits);
        Map<String, Contact> best = new HashMap<>();
        for (Visit other : coVisits) {
            if (known.contains(other.subjectId())) {
                continue;
            }
            for (Visit anchor : near(anchors.get(other.venueId()), other.at(), settings::degreeTwoReach)) {
                Exposure exposure = classify(anchor, other, true);
                if (exposure != null) {
                    best.merge(other.subjectId(), link(other, anchor, 2, exposure), CloseContactFinder::stronger);
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparing(Contact::overlapFrom).thenComparing(Contact::subjectId))
                .toList();
    }

    /**
     * The link between two visits of one venue. On transport with both seats known (a manifest's
     * passengers), seats more than {@link Seat#CLOSE_ROWS} rows apart are no close link: at most
     * spatiotemporal, within its window. A seat unknown on either side: the whole carriage, as for scans.
     */
    private Exposure classify(Visit anchor, Visit other, boolean closeOnly) {
        Duration apart = Duration.between(anchor.at(), other.at());
        if (anchor.venueType().isTransport() && Seat.farApart(anchor.seat(), other.seat())) {
            return closeOnly || apart.abs().compareTo(settings.spatiotemporalWindow()) > 0 ? null
                    : Exposure.SPATIOTEMPORAL;
        }
        return settings.classify(anchor.venueType(), apart, closeOnly);
    }

    private static Contact link(Visit other, Visit anchor, int degree, Exposure exposure) {
        boolean anchorFirst = !anchor.at().isAfter(other.at());
        return new Contact(other.subjectId(), degree, exposure, anchor.subjectId(), anchor.venueId(),
                anchorFirst ? anchor.at() : other.at(), anchorFirst ? other.at() : anchor.at(), null);
    }

    private static Contact stronger(Contact a, Contact b) {
        return STRONGEST_FIRST.compare(a, b) <= 0 ? a : b;
    }

    /** Anchors of one venue, in time order. */
    private static Map<UUID, List<Visit>> byVenue(Collection<Visit> visits) {
        return visits.stream().sorted(Comparator.comparing(Visit::at))
                .collect(Collectors.groupingBy(Visit::venueId));
    }

    /**
     * The anchors (of one venue, in time order) within reach of {@code at}: a binary search, so a
     * busy venue costs log n per co-visit rather than n.
     */
    private static List<Visit> near(List<Visit> anchors, Instant at, Function<VenueType, Duration> reach) {
        if (anchors == null || anchors.isEmpty()) {
            return List.of();
        }
        Duration r = reach.apply(anchors.get(0).venueType());
        int from = firstNotBefore(anchors, at.minus(r));
        int to = firstNotBefore(anchors, at.plus(r).plusNanos(1));
        return anchors.subList(from, to);
    }

    private static int firstNotBefore(List<Visit> anchors, Instant t) {
        int lo = 0;
        int hi = anchors.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (anchors.get(mid).at().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
