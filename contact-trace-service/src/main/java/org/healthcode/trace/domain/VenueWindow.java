package org.healthcode.trace.domain;

import java.time.Instant;
import java.util.UUID;

/** A stretch of time at one venue whose visits tracing needs: one range of the (venue_id, at) index. */
public record VenueWindow(UUID venueId, Instant from, Instant to) {
}
