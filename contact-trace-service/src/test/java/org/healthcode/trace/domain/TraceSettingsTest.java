package org.healthcode.trace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TraceSettingsTest {

    private static final TraceSettings DEFAULTS = TraceSettings.DEFAULTS;
    private static final Instant CONFIRMED = Instant.parse("2026-11-22T03:15:00Z");

    @Test
    void withoutOnsetTheLookBackIsFourteenDaysBeforeConfirmation() {
        assertEquals(Instant.parse("2026-11-08T03:15:00Z"), DEFAULTS.lookBackFrom(CONFIRMED, null));
    }

    @Test
    void withOnsetItStartsTwoDaysBeforeTheOnsetDayInTheProvincesTimeZone() {
        // 18 November starts at 17 November 16:00 UTC in Shanghai; two days earlier:
        assertEquals(Instant.parse("2026-11-15T16:00:00Z"), DEFAULTS.lookBackFrom(CONFIRMED, LocalDate.of(2026, 11, 18)));
        TraceSettings utc = new TraceSettings(Duration.ofDays(14), Duration.ofDays(2), Duration.ofMinutes(30),
                Duration.ofMinutes(120), Duration.ofMinutes(360), true, ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"), utc.lookBackFrom(CONFIRMED, LocalDate.of(2026, 11, 18)));
    }

    @Test
    void linksAreClassifiedByVenueTypeAndGap() {
        assertEquals(Exposure.CLOSE, DEFAULTS.classify(VenueType.MALL, Duration.ofMinutes(-30), false));
        assertEquals(Exposure.SPATIOTEMPORAL, DEFAULTS.classify(VenueType.MALL, Duration.ofMinutes(31), false));
        assertNull(DEFAULTS.classify(VenueType.MALL, Duration.ofMinutes(31), true), "degree 2 wants close links");
        assertNull(DEFAULTS.classify(VenueType.HOSPITAL, Duration.ofMinutes(121), false));
        assertEquals(Exposure.TRANSPORT, DEFAULTS.classify(VenueType.FLIGHT, Duration.ofMinutes(360), true));
        assertEquals(Exposure.TRANSPORT, DEFAULTS.classify(VenueType.BUS, Duration.ZERO, false));
        assertNull(DEFAULTS.classify(VenueType.TRAIN, Duration.ofMinutes(361), false));
    }

    @Test
    void theReachOfASearchIsTheWidestWindowThatApplies() {
        assertEquals(Duration.ofMinutes(120), DEFAULTS.degreeOneReach(VenueType.PARK));
        assertEquals(Duration.ofMinutes(360), DEFAULTS.degreeOneReach(VenueType.TRAIN));
        assertEquals(Duration.ofMinutes(30), DEFAULTS.degreeTwoReach(VenueType.SCHOOL));
        assertEquals(Duration.ofMinutes(360), DEFAULTS.degreeTwoReach(VenueType.BUS));
    }

    @Test
    void negativeWindowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TraceSettings(Duration.ofDays(14), Duration.ofDays(2),
                Duration.ofMinutes(-1), Duration.ofMinutes(120), Duration.ofMinutes(360), true, ZoneId.of("UTC")));
    }
}
