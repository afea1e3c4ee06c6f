package org.healthcode.scan.domain;

import java.time.Instant;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;

/**
 * What checkpoint staff do that the audit trail keeps: a person looked up by document, and a
 * refusal because the venue is another province's. Account ids, pseudonyms, venue ids and codes
 * only: never a token, a venue name or anything a person typed.
 */
public final class CheckpointAudit {

    public static final String ID_CARD_LOOKUP = "ID_CARD_LOOKUP";
    public static final String CROSS_PROVINCE_READ = "CROSS_PROVINCE_READ";
    public static final String CODE_REQUIREMENT_CHANGED = "CODE_REQUIREMENT_CHANGED";
    /** Why staff look a person up by document: to admit them at a checkpoint. */
    public static final String ID_CARD_PURPOSE = "CHECKPOINT_ID_CARD";

    private CheckpointAudit() {
    }

    /** Who (the staff account), whom (the pseudonym), when, where (the venue), why, and which scan. */
    public static AuditEntry idCardLookup(ScanAttempt attempt, String staffProvince) {
        return new AuditEntry(attempt.at, attempt.operator, ID_CARD_LOOKUP, Outcome.ALLOWED, attempt.subjectId,
                attempt.venueId.toString(), staffProvince, ID_CARD_PURPOSE + " scan=" + attempt.scanId);
    }

    /**
     * Staff of one province asked for something of another's venue (or to register a venue in
     * another province) and were refused. {@code province} is the venue's: whose data it is.
     *
     * @param request what was asked, e.g. {@code POST /v1/scans}
     * @param object  the venue id, or for a registration the region code asked for
     * @param subjectId the person concerned, when the request named one
     */
    public static AuditEntry crossProvince(Instant at, String staff, String staffProvince, String request, String object,
            String venueProvince, String subjectId) {
        return new AuditEntry(at, staff, CROSS_PROVINCE_READ, Outcome.REFUSED, subjectId, object, venueProvince,
                request + " by staff of " + staffProvince + ": the venue is in " + venueProvince);
    }

    /** An authority decided whether a code is still required at a venue type of its province. */
    public static AuditEntry codeRequirement(CodeRequirement requirement) {
        return new AuditEntry(requirement.changedAt(), requirement.changedBy(), CODE_REQUIREMENT_CHANGED,
                Outcome.CHANGED, null, requirement.venueType().name(), requirement.province(),
                "required=" + requirement.required());
    }
}
