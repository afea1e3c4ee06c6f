package org.healthcode.trace.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the visit index: a subject scanned at a venue at an instant, in a seat when a
 * transport manifest named one (null otherwise: anywhere in the carriage). Pseudonyms only.
 */
public record Visit(String subjectId, UUID venueId, VenueType venueType, Instant at, Seat seat) {

    /** A visit without a known seat: every scan. */
    public Visit(String subjectId, UUID venueId, VenueType venueType, Instant at) {
        this(subjectId, venueId, venueType, at, null);
    }
}
