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
    public static final String FEDERATION_COLOUR_READ = "FEDERATION_COLOUR_READ";
    public static final String FEDERATION_CONTACT_RECEIVED = "FEDERATION_CONTACT_RECEIVED";
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

    /**
     * Another province asked for the current colour of one of this province's residents, whose code
     * its checkpoint scanned: actor = the asking province ({@code province:310000}), whom (the
     * pseudonym), when, object = the request's id ({@code jti}), province = this one (whose data it
     * is), detail = what was answered (or why not) and with which of the asker's keys.
     */
    public static AuditEntry federationColourRead(Instant at, String asker, String subjectId, String requestId,
            String ownProvince, Outcome outcome, String answer, String kid) {
        return new AuditEntry(at, "province:" + asker, FEDERATION_COLOUR_READ, outcome, subjectId, requestId,
                ownProvince, answer + " kid=" + kid);
    }

    /**
     * Another province sent a contact of one of this province's people that its tracing found:
     * actor = the sending province ({@code province:310000}), whom (the pseudonym), when it arrived,
     * object = the sender's finding id, province = this one, detail = what was taken in (degree,
     * exposure, the message id) or why it was refused, and with which of the sender's keys.
     */
    public static AuditEntry federationContactReceived(Instant at, String sender, String subjectId, String findingId,
            String ownProvince, Outcome outcome, String detail, String kid) {
        return new AuditEntry(at, "province:" + sender, FEDERATION_CONTACT_RECEIVED, outcome, subjectId, findingId,
                ownProvince, detail + " kid=" + kid);
    }

    /** An authority decided whether a code is still required at a venue type of its province. */
    public static AuditEntry codeRequirement(CodeRequirement requirement) {
        return new AuditEntry(requirement.changedAt(), requirement.changedBy(), CODE_REQUIREMENT_CHANGED,
                Outcome.CHANGED, null, requirement.venueType().name(), requirement.province(),
                "required=" + requirement.required());
    }
}
