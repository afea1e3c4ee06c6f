package org.healthcode.declaration.domain;

public enum DeclarationKind {
    /** The full self-declaration: travel, contact, symptoms, temperature, vaccination, arrival. */
    FULL,
    /** The daily health check-in: symptoms and temperature only. */
    DAILY_CHECKIN,
    /**
     * Travel only, from the health authority's itinerary import (source AUTHORITY): counted like
     * declared travel, but not a submission of the person's (no symptoms, temperature or check-in day).
     */
    TRAVEL
}
