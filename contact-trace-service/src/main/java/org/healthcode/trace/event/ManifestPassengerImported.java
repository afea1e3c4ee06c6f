package org.healthcode.trace.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.trace.domain.Seat;
import org.healthcode.trace.domain.VenueType;
import org.healthcode.trace.domain.Visit;

/**
 * The part of a {@code manifest-passenger-imported} event (producer declaration-service: the health
 * authority's transport manifest) that the visit index keeps: the passenger in one carriage or cabin
 * of one trip (venueId), at the departure, in a seat when the manifest names one. Other fields
 * (vehicle, arrival, carriage, province, importId) are ignored, as are fields added later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestPassengerImported(String subjectId, String mode, UUID venueId, Instant departure,
        String seat) {

    public static final String TOPIC = "manifest-passenger-imported";

    /**
     * The key under which the passenger's visit is indexed (the visit table's scan_id): one visit per
     * passenger and carriage of a trip, however often the event is delivered or published.
     */
    public String visitKey() {
        return "manifest:" + venueId + ":" + subjectId;
    }

    /**
     * The passenger's visit, or null when a field the index needs is missing or not a known value: a
     * mode that is not a transport venue type, or a seat that is not one.
     */
    public Visit toVisit() {
        if (subjectId == null || subjectId.isBlank() || subjectId.length() > 64 || venueId == null
                || departure == null || mode == null) {
            return null;
        }
        VenueType type;
        try {
            type = VenueType.valueOf(mode);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Seat parsed = Seat.parse(seat);
        if (!type.isTransport() || (seat != null && parsed == null)) {
            return null;
        }
        return new Visit(subjectId, venueId, type, departure, parsed);
    }
}
