package org.healthcode.trace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CloseContactFinderTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final UUID MALL = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID PARK = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID CARRIAGE = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID OTHER_CARRIAGE = UUID.fromString("00000000-0000-4000-8000-000000000004");
    private static final String CASE = "case";

    private final CloseContactFinder finder = new CloseContactFinder(TraceSettings.DEFAULTS);

    @Test
    void onAManifestsCarriageSeatsWithinThreeRowsAreCloseFurtherOnlySpatiotemporalUnknownSeatsTheWholeCarriage() {
        List<Visit> caseVisits = List.of(seated(CASE, CARRIAGE, 0, "05A"));
        List<Visit> around = List.of(
                seated("two-rows-behind", CARRIAGE, 0, "07F"),
                seated("three-rows-ahead", CARRIAGE, 0, "02C"),
                seated("far-seat", CARRIAGE, 0, "12F"),
                seated("far-seat-later", CARRIAGE, 200, "15A"),
                visit("scanned-in", CARRIAGE, VenueType.TRAIN, 60),
                seated("next-carriage", OTHER_CARRIAGE, 0, "05B"));

        Map<String, Contact> found = bySubject(finder.degreeOne(CASE, caseVisits, around));

        assertEquals(Exposure.TRANSPORT, found.get("two-rows-behind").exposure());
        assertEquals(Exposure.TRANSPORT, found.get("three-rows-ahead").exposure());
        assertEquals(Exposure.SPATIOTEMPORAL, found.get("far-seat").exposure(), "same carriage, not close");
        assertNull(found.get("far-seat-later"), "far seat, beyond the spatiotemporal window");
        assertEquals(Exposure.TRANSPORT, found.get("scanned-in").exposure(), "a seat unknown: the whole carriage");
        assertNull(found.get("next-carriage"));
        assertEquals(new Seat(5, "A"), Seat.parse(" 5a"));
        assertEquals("12F", Seat.parse("12F").toString());
        assertNull(Seat.parse("aisle"));
    }

    private static Visit seated(String subject, UUID venue, long minutes, String seat) {
        return new Visit(subject, venue, VenueType.TRAIN, T0.plusSeconds(minutes * 60), Seat.parse(seat));
    }

    @Test
    void sameVenueWithinThirtyMinutesIsCloseWithinTwoHoursSpatiotemporalBeyondNothing() {
        List<Visit> caseVisits = List.of(visit(CASE, MALL, VenueType.MALL, 0));
        List<Visit> around = List.of(
                visit("close", MALL, VenueType.MALL, 30),
                visit("before", MALL, VenueType.MALL, -20),
                visit("yellow", MALL, VenueType.MALL, 45),
                visit("edge", MALL, VenueType.MALL, -120),
                visit("far", MALL, VenueType.MALL, 180),
                visit("elsewhere", PARK, VenueType.PARK, 0),
                visit(CASE, MALL, VenueType.MALL, 0));

        Map<String, Contact> found = bySubject(finder.degreeOne(CASE, caseVisits, around));

        assertEquals(4, found.size(), found.keySet()::toString);
        assertEquals(Exposure.CLOSE, found.get("close").exposure());
        assertEquals(Exposure.CLOSE, found.get("before").exposure());
        assertEquals(Exposure.SPATIOTEMPORAL, found.get("yellow").exposure());
        assertEquals(Exposure.SPATIOTEMPORAL, found.get("edge").exposure());
        Contact close = found.get("close");
        assertEquals(1, close.degree());
        assertEquals(CASE, close.sourceSubjectId());
        assertEquals(MALL, close.venueId());
        assertEquals(T0, close.overlapFrom());
        assertEquals(T0.plusSeconds(30 * 60), close.overlapTo());
        assertEquals(close.overlapTo(), close.lastExposure());
        Contact before = found.get("before");
        assertEquals(T0.minusSeconds(20 * 60), before.overlapFrom());
        assertEquals(T0, before.overlapTo());
        assertEquals(before.overlapFrom(), before.closeSince());
        assertNull(found.get("yellow").closeSince(), "a spatiotemporal contact is not followed to degree 2");
    }

    @Test
    void theSameCarriageWithinSixHoursIsTransportAnotherCarriageIsNothing() {
        List<Visit> caseVisits = List.of(visit(CASE, CARRIAGE, VenueType.TRAIN, 0));
        List<Visit> around = List.of(
                visit("passenger", CARRIAGE, VenueType.TRAIN, 350),
                visit("later", CARRIAGE, VenueType.TRAIN, 361),
                visit("next-carriage", OTHER_CARRIAGE, VenueType.TRAIN, 5));

        Map<String, Contact> found = bySubject(finder.degreeOne(CASE, caseVisits, around));

        assertEquals(List.of("passenger"), List.copyOf(found.keySet()));
        assertEquals(Exposure.TRANSPORT, found.get("passenger").exposure());
    }

    @Test
    void aCloseLinkBeatsASpatiotemporalOneAndTheLatestCloseLinkIsKept() {
        List<Visit> caseVisits = List.of(
                visit(CASE, MALL, VenueType.MALL, 0),
                visit(CASE, PARK, VenueType.PARK, 600),
                visit(CASE, MALL, VenueType.MALL, 1440));
        List<Visit> around = List.of(
                visit("x", MALL, VenueType.MALL, 10),
                visit("x", PARK, VenueType.PARK, 660),
                visit("x", MALL, VenueType.MALL, 1450));

        Contact x = finder.degreeOne(CASE, caseVisits, around).get(0);

        assertEquals(Exposure.CLOSE, x.exposure());
        assertEquals(T0.plusSeconds(1450 * 60), x.lastExposure(), "the latest close link sets the last exposure");
        assertEquals(T0, x.closeSince(), "degree 2 is searched from the earliest close link");
    }

    @Test
    void degreeTwoFollowsCloseContactsFromTheirExposureAndSkipsKnownPeople() {
        List<Visit> caseVisits = List.of(visit(CASE, MALL, VenueType.MALL, 0));
        List<Visit> around = List.of(visit("a", MALL, VenueType.MALL, 10), visit("b", MALL, VenueType.MALL, 60));
        List<Contact> first = finder.degreeOne(CASE, caseVisits, around);
        Instant until = T0.plusSeconds(3 * 24 * 3600);

        List<Visit> contactVisits = List.of(
                visit("a", PARK, VenueType.PARK, -300),
                visit("a", PARK, VenueType.PARK, 120),
                visit("a", CARRIAGE, VenueType.BUS, 240),
                visit("b", PARK, VenueType.PARK, 500));
        List<Visit> aroundContacts = new ArrayList<>(List.of(
                visit("met-before-exposure", PARK, VenueType.PARK, -290),
                visit("second", PARK, VenueType.PARK, 140),
                visit("not-close", PARK, VenueType.PARK, 200),
                visit("on-the-bus", CARRIAGE, VenueType.BUS, 500),
                visit("met-yellow-b", PARK, VenueType.PARK, 505),
                visit("b", PARK, VenueType.PARK, 125),
                visit(CASE, PARK, VenueType.PARK, 130)));

        Map<String, Contact> second = bySubject(finder.degreeTwo(CASE, first, contactVisits, aroundContacts, until));

        assertEquals(2, second.size(), second.keySet()::toString);
        Contact s = second.get("second");
        assertEquals(2, s.degree());
        assertEquals(Exposure.CLOSE, s.exposure());
        assertEquals("a", s.sourceSubjectId());
        assertEquals(PARK, s.venueId());
        assertEquals(T0.plusSeconds(120 * 60), s.overlapFrom());
        assertEquals(T0.plusSeconds(140 * 60), s.overlapTo());
        assertEquals(Exposure.TRANSPORT, second.get("on-the-bus").exposure());
    }

    @Test
    void degreeTwoCanBeSwitchedOff() {
        TraceSettings off = new TraceSettings(Duration.ofDays(14), Duration.ofDays(2), Duration.ofMinutes(30),
                Duration.ofMinutes(120), Duration.ofMinutes(360), false, TraceSettings.DEFAULTS.timeZone());
        CloseContactFinder noFanOut = new CloseContactFinder(off);
        List<Contact> first = noFanOut.degreeOne(CASE, List.of(visit(CASE, MALL, VenueType.MALL, 0)),
                List.of(visit("a", MALL, VenueType.MALL, 10)));

        assertTrue(noFanOut.degreeTwo(CASE, first, List.of(visit("a", PARK, VenueType.PARK, 60)),
                List.of(visit("x", PARK, VenueType.PARK, 60)), T0.plusSeconds(86400)).isEmpty());
    }

    @Test
    void searchWindowsMergeOverlappingAnchorsOfAVenue() {
        List<Visit> anchors = List.of(
                visit("a", MALL, VenueType.MALL, 0),
                visit("b", MALL, VenueType.MALL, 100),
                visit("c", MALL, VenueType.MALL, 500),
                visit("d", CARRIAGE, VenueType.TRAIN, 0));
        Function<VenueType, Duration> reach = TraceSettings.DEFAULTS::degreeOneReach;

        List<VenueWindow> windows = CloseContactFinder.searchWindows(anchors, reach);

        assertEquals(3, windows.size(), windows::toString);
        assertTrue(windows.contains(new VenueWindow(MALL, at(-120), at(220))));
        assertTrue(windows.contains(new VenueWindow(MALL, at(380), at(620))));
        assertTrue(windows.contains(new VenueWindow(CARRIAGE, at(-360), at(360))));
    }

    @Test
    void manyCoVisitorsAtOneVenueAreEachClassifiedByTheirOwnGap() {
        List<Visit> caseVisits = List.of(visit(CASE, MALL, VenueType.MALL, 0));
        List<Visit> around = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            around.add(visit("p" + i, MALL, VenueType.MALL, (i % 400) - 200));
        }
        List<Contact> found = finder.degreeOne(CASE, caseVisits, around);
        long close = found.stream().filter(c -> c.exposure() == Exposure.CLOSE).count();
        assertEquals(20_000 * 61 / 400, close);
    }

    private static Map<String, Contact> bySubject(List<Contact> contacts) {
        return contacts.stream().collect(Collectors.toMap(Contact::subjectId, c -> c));
    }

    private static Visit visit(String subject, UUID venue, VenueType type, int minutes) {
        return new Visit(subject, venue, type, at(minutes));
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }
}
