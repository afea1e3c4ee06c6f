package org.healthcode.risk.domain;

/** Where an override stands. EXPIRED: proposed and not decided in time (derived, never stored). */
public enum OverrideStatus {
    PROPOSED, APPROVED, REJECTED, EXPIRED
}
