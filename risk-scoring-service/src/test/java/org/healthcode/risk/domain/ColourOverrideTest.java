package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.healthcode.risk.domain.ColourOverride.Refusal;
import org.junit.jupiter.api.Test;

/** The four-eyes rule. */
class ColourOverrideTest {

    static final Instant PROPOSED_AT = Instant.parse("2026-11-22T03:00:00Z");
    static final Instant EXPIRES = PROPOSED_AT.plus(Duration.ofHours(72));
    static final Instant UNTIL = PROPOSED_AT.plus(Duration.ofDays(5));

    static ColourOverride proposed() {
        return new ColourOverride("subject", "330000", Colour.GREEN, UNTIL, OverrideStatus.PROPOSED, "authority1",
                EXPIRES, null);
    }

    @Test
    void aSecondAuthorityOfTheProvinceMayDecide() {
        assertEquals(Optional.empty(), proposed().refusal("authority2", "330000", PROPOSED_AT.plusSeconds(60)));
    }

    @Test
    void theProposerMayNotDecideTheirOwnProposal() {
        assertEquals(Optional.of(Refusal.SELF_APPROVAL), proposed().refusal("authority1", "330000", PROPOSED_AT));
    }

    @Test
    void anotherProvinceMayNotDecideEvenItsOwnProposerComesFirst() {
        assertEquals(Optional.of(Refusal.FORBIDDEN_PROVINCE), proposed().refusal("authority-sh", "310000",
                PROPOSED_AT));
        assertEquals(Optional.of(Refusal.FORBIDDEN_PROVINCE), proposed().refusal("authority1", "310000",
                PROPOSED_AT), "nothing about another province's override is told, not even who proposed it");
    }

    @Test
    void aProposalNotDecidedInTimeHasExpired() {
        assertEquals(OverrideStatus.PROPOSED, proposed().status(EXPIRES.minusMillis(1)));
        assertEquals(OverrideStatus.EXPIRED, proposed().status(EXPIRES));
        assertEquals(Optional.of(Refusal.PROPOSAL_EXPIRED), proposed().refusal("authority2", "330000", EXPIRES));
    }

    @Test
    void aDecisionIsTakenOnce() {
        Instant decided = PROPOSED_AT.plusSeconds(600);
        ColourOverride approved = new ColourOverride("subject", "330000", Colour.GREEN, UNTIL, OverrideStatus.APPROVED,
                "authority1", EXPIRES, decided);
        ColourOverride rejected = new ColourOverride("subject", "330000", Colour.GREEN, UNTIL, OverrideStatus.REJECTED,
                "authority1", EXPIRES, decided);

        assertEquals(Optional.of(Refusal.ALREADY_DECIDED), approved.refusal("authority3", "330000", decided));
        assertEquals(Optional.of(Refusal.ALREADY_DECIDED), rejected.refusal("authority3", "330000", EXPIRES),
                "decided before it would have expired");
        assertEquals(OverrideStatus.APPROVED, approved.status(EXPIRES.plusSeconds(1)));
    }

    @Test
    void onlyAnApprovedOverrideIsInForceFromItsApprovalUntilItsEnd() {
        Instant decided = PROPOSED_AT.plusSeconds(600);
        ColourOverride approved = new ColourOverride("subject", "330000", Colour.RED, UNTIL, OverrideStatus.APPROVED,
                "authority1", EXPIRES, decided);

        assertEquals(Optional.of(new ManualOverride(Colour.RED, decided, UNTIL)), approved.inForce());
        assertEquals(Optional.empty(), proposed().inForce());
    }
}
