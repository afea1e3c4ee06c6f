package org.healthcode.trace.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A province's tracing settings.
 *
 * @param lookBack             how far before confirmation the case's visits count, without an onset date
 * @param onsetLead            with an onset date, the case's visits count from this long before the onset day
 * @param closeWindow          same venue, scans at most this far apart: CLOSE (degree 1 and 2)
 * @param spatiotemporalWindow same venue, scans at most this far apart but not close: SPATIOTEMPORAL
 * @param transportWindow      same carriage or cabin, scans at most this far apart: TRANSPORT
 * @param degreeTwo            whether close contacts' own close contacts are traced (degree 2)
 * @param timeZone             the province's time zone, which says when an onset day starts
 */
public record TraceSettings(Duration lookBack, Duration onsetLead, Duration closeWindow,
        Duration spatiotemporalWindow, Duration transportWindow, boolean degreeTwo, ZoneId timeZone) {

    public static final TraceSettings DEFAULTS = new TraceSettings(Duration.ofDays(14), Duration.ofDays(2),
            Duration.ofMinutes(30), Duration.ofMinutes(120), Duration.ofMinutes(360), true, ZoneId.of("Asia/Shanghai"));

    public TraceSettings {
        Objects.requireNonNull(lookBack);
        Objects.requireNonNull(onsetLead);
        Objects.requireNonNull(closeWindow);
        Objects.requireNonNull(spatiotemporalWindow);
        Objects.requireNonNull(transportWindow);
        Objects.requireNonNull(timeZone);
        if (closeWindow.isNegative() || spatiotemporalWindow.isNegative() || transportWindow.isNegative()
                || lookBack.isNegative() || onsetLead.isNegative()) {
            throw new IllegalArgumentException("tracing windows cannot be negative");
        }
    }

    /**
     * Where the case's visits start to count: {@code onsetLead} before the start of the onset day
     * when the onset is known, else {@code lookBack} before confirmation.
     */
    public Instant lookBackFrom(Instant confirmedAt, LocalDate onsetDate) {
        if (onsetDate == null) {
            return confirmedAt.minus(lookBack);
        }
        return onsetDate.atStartOfDay(timeZone).toInstant().minus(onsetLead);
    }

    /**
     * How far from a degree-1 anchor visit (the case's) a co-visitor can be and still be a contact
     * of some kind: the widest window that applies to the venue.
     */
    public Duration degreeOneReach(VenueType venueType) {
        Duration ordinary = max(closeWindow, spatiotemporalWindow);
        return venueType.isTransport() ? max(transportWindow, ordinary) : ordinary;
    }

    /** The widest window of any kind: how far apart two scans can be and still link. */
    public Duration widestReach() {
        return max(transportWindow, max(closeWindow, spatiotemporalWindow));
    }

    /** How far from a close contact's visit a co-visitor can be and still be their close contact. */
    public Duration degreeTwoReach(VenueType venueType) {
        return venueType.isTransport() ? max(transportWindow, closeWindow) : closeWindow;
    }

    /**
     * The kind of link between two scans at the same venue {@code apart} apart, or null when they
     * are too far apart. Only close links (CLOSE, TRANSPORT) count when {@code closeOnly}.
     */
    public Exposure classify(VenueType venueType, Duration apart, boolean closeOnly) {
        Duration gap = apart.abs();
        if (venueType.isTransport() && gap.compareTo(transportWindow) <= 0) {
            return Exposure.TRANSPORT;
        }
        if (gap.compareTo(closeWindow) <= 0) {
            return Exposure.CLOSE;
        }
        if (!closeOnly && gap.compareTo(spatiotemporalWindow) <= 0) {
            return Exposure.SPATIOTEMPORAL;
        }
        return null;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
