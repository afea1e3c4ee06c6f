package org.healthcode.scan.domain;

/**
 * A venue as staff register it. Everything is text here so that each bad field is reported by
 * name ({@link VenueValidator}), not as an unreadable body.
 */
public record VenueForm(String name, String type, String regionCode, String address, String vehicle, String tripDate,
        String carriage) {
}
