package org.healthcode.declaration.domain;

public enum DeclarationKind {
    /** The full self-declaration: travel, contact, symptoms, temperature, vaccination, arrival. */
    FULL,
    /** The daily health check-in: symptoms and temperature only. */
    DAILY_CHECKIN
}
