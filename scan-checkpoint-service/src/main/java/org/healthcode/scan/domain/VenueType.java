package org.healthcode.scan.domain;

/**
 * What kind of place a venue is. Buses, trains and flights are transport: one venue per carriage
 * or cabin of one trip, so that "same carriage" is "same venue" for tracing.
 */
public enum VenueType {
    RESIDENTIAL_COMMUNITY, COMPANY, MALL, MARKET, HOSPITAL, PARK, SCHOOL, BUS, TRAIN, FLIGHT;

    public boolean transport() {
        return this == BUS || this == TRAIN || this == FLIGHT;
    }
}
