package org.healthcode.scan.domain;

import java.time.Instant;

/**
 * Whether a code is still required at a type of venue of a province. Until an authority of the
 * province says otherwise it is ({@code changedBy}, {@code changedAt} null): at the end of an
 * emergency venue types are stood down one after another, ahead of the data's destruction.
 */
public record CodeRequirement(String province, VenueType venueType, boolean required, String changedBy,
        Instant changedAt) {
}
