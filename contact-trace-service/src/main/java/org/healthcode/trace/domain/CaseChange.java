package org.healthcode.trace.domain;

/**
 * What a decision of the authority does to a subject's case in a province. A subject has at most
 * one open (not cleared) case per province; after clearing, a new confirmation opens a new case.
 */
public enum CaseChange {
    /** No open case: a new one is opened with the status. */
    OPENED,
    /** The open case takes another status (clearing closes it). */
    CHANGED,
    /** The open case already has the status: nothing is published again. */
    UNCHANGED,
    /** Clearing a subject without an open case: nothing to do. */
    NOTHING_TO_CLEAR;

    public static CaseChange of(CaseStatus open, CaseStatus requested) {
        if (open == null) {
            return requested.isOpen() ? OPENED : NOTHING_TO_CLEAR;
        }
        return open == requested ? UNCHANGED : CHANGED;
    }

    /** Whether a {@code case-confirmed} event tells the platform about the new status. */
    public boolean publishes() {
        return this == OPENED || this == CHANGED;
    }

    /**
     * Whether the case is traced: whenever it is (again) confirmed. Tracing again finds the same
     * contacts, which are published once only; it adds whoever late scans revealed.
     */
    public boolean traces(CaseStatus requested) {
        return requested == CaseStatus.CONFIRMED && this != NOTHING_TO_CLEAR;
    }
}
