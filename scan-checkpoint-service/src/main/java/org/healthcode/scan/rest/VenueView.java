package org.healthcode.scan.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.healthcode.scan.domain.Venue;
import org.healthcode.scan.domain.VenueType;

/** A venue as staff see it, with the text of its poster QR. */
public record VenueView(UUID id, String name, VenueType type, String regionCode, String address, String vehicle,
        LocalDate tripDate, String carriage, String posterCode) {

    static VenueView of(Venue venue, String posterCode) {
        return new VenueView(venue.id, venue.name, venue.type, venue.regionCode, venue.address, venue.vehicle,
                venue.tripDate, venue.carriage, posterCode);
    }

    /** A venue as a resident may see it: no address, vehicle or poster code. */
    public record Place(UUID id, String name, VenueType type, String regionCode, String province) {

        static Place of(Venue venue) {
            return new Place(venue.id, venue.name, venue.type, venue.regionCode, venue.province);
        }
    }
}
