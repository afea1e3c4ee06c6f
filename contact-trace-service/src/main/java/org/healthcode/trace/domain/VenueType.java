package org.healthcode.trace.domain;

/** The kinds of venue a scan happens at. Each carriage or cabin of a trip is its own venue. */
public enum VenueType {
    RESIDENTIAL_COMMUNITY, COMPANY, MALL, MARKET, HOSPITAL, PARK, SCHOOL, BUS, TRAIN, FLIGHT;

    /** Bus, train and flight: "the same venue" means the same carriage or cabin of the same trip. */
    public boolean isTransport() {
        return this == BUS || this == TRAIN || this == FLIGHT;
    }
}
