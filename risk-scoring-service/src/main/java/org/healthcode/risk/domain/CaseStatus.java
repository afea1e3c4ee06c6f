package org.healthcode.risk.domain;

/** What the health authority decided about a subject's case: CLEARED closes it. */
public enum CaseStatus {
    CONFIRMED, SUSPECTED, CLEARED
}
