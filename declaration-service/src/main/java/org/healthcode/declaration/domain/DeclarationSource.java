package org.healthcode.declaration.domain;

/** Who stated a declaration's facts. */
public enum DeclarationSource {
    /** The person (or their guardian), through the app. */
    RESIDENT,
    /** The health authority, by an import (an itinerary from a transport or border system). */
    AUTHORITY
}
