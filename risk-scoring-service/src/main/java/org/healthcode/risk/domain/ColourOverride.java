package org.healthcode.risk.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A colour override as stored, and the four-eyes rule for deciding it: only an authority of the
 * subject's province who did not propose it may approve or reject it, once, before it expires.
 */
public record ColourOverride(String subjectId, String province, Colour colour, Instant until,
        OverrideStatus storedStatus, String proposedBy, Instant expiresAt, Instant decidedAt) {

    /** Why a decision is refused. */
    public enum Refusal {
        /** The subject belongs to another province. */
        FORBIDDEN_PROVINCE,
        /** The caller proposed it: a second authority must decide. */
        SELF_APPROVAL,
        /** Approved or rejected already. */
        ALREADY_DECIDED,
        /** Not decided in time. */
        PROPOSAL_EXPIRED
    }

    /** PROPOSED turns EXPIRED once {@code expiresAt} has come without a decision. */
    public OverrideStatus status(Instant now) {
        return storedStatus == OverrideStatus.PROPOSED && !expiresAt.isAfter(now) ? OverrideStatus.EXPIRED
                : storedStatus;
    }

    /** Why {@code caller} (of {@code callerProvince}) may not decide it now; empty when they may. */
    public Optional<Refusal> refusal(String caller, String callerProvince, Instant now) {
        if (!Objects.equals(province, callerProvince)) {
            return Optional.of(Refusal.FORBIDDEN_PROVINCE);
        }
        if (Objects.equals(proposedBy, caller)) {
            return Optional.of(Refusal.SELF_APPROVAL);
        }
        return switch (status(now)) {
            case APPROVED, REJECTED -> Optional.of(Refusal.ALREADY_DECIDED);
            case EXPIRED -> Optional.of(Refusal.PROPOSAL_EXPIRED);
            case PROPOSED -> Optional.empty();
        };
    }

    /** The colour it sets, from its approval until its end; empty unless approved. */
    public Optional<ManualOverride> inForce() {
        return storedStatus == OverrideStatus.APPROVED && decidedAt != null
                ? Optional.of(new ManualOverride(colour, decidedAt, until)) : Optional.empty();
    }
}
