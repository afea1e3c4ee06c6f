package org.healthcode.trace.domain;

import java.time.Instant;
import java.util.UUID;

/** One row of the visit index: a subject scanned at a venue at an instant. Pseudonyms only. */
public record Visit(String subjectId, UUID venueId, VenueType venueType, Instant at) {
}
