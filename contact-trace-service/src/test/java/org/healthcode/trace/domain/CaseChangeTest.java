package org.healthcode.trace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseChangeTest {

    @Test
    void aFirstConfirmationOpensPublishesAndTraces() {
        CaseChange change = CaseChange.of(null, CaseStatus.CONFIRMED);
        assertEquals(CaseChange.OPENED, change);
        assertTrue(change.publishes());
        assertTrue(change.traces(CaseStatus.CONFIRMED));
    }

    @Test
    void confirmingAgainPublishesNothingButTracesAgain() {
        CaseChange change = CaseChange.of(CaseStatus.CONFIRMED, CaseStatus.CONFIRMED);
        assertEquals(CaseChange.UNCHANGED, change);
        assertFalse(change.publishes());
        assertTrue(change.traces(CaseStatus.CONFIRMED), "a re-trace publishes only contacts not found before");
    }

    @Test
    void aSuspicionIsPublishedButNotTracedAndItsConfirmationIs() {
        assertEquals(CaseChange.OPENED, CaseChange.of(null, CaseStatus.SUSPECTED));
        assertFalse(CaseChange.OPENED.traces(CaseStatus.SUSPECTED));
        CaseChange confirmed = CaseChange.of(CaseStatus.SUSPECTED, CaseStatus.CONFIRMED);
        assertEquals(CaseChange.CHANGED, confirmed);
        assertTrue(confirmed.publishes());
        assertTrue(confirmed.traces(CaseStatus.CONFIRMED));
    }

    @Test
    void clearingClosesAnOpenCaseAndIsANoOpOtherwise() {
        CaseChange cleared = CaseChange.of(CaseStatus.CONFIRMED, CaseStatus.CLEARED);
        assertEquals(CaseChange.CHANGED, cleared);
        assertTrue(cleared.publishes());
        assertFalse(cleared.traces(CaseStatus.CLEARED));
        CaseChange nothing = CaseChange.of(null, CaseStatus.CLEARED);
        assertEquals(CaseChange.NOTHING_TO_CLEAR, nothing);
        assertFalse(nothing.publishes());
    }
}
