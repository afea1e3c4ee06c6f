package org.healthcode.trace.domain;

/** What the health authority decided about a subject. */
public enum CaseStatus {
    CONFIRMED, SUSPECTED, CLEARED;

    /** An open case is one not cleared: a subject has at most one per province. */
    public boolean isOpen() {
        return this != CLEARED;
    }
}
