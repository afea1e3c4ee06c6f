package org.healthcode.gateway.contract;

/** The fixed values of the API (DESIGN.md, Contracts with the outside). */
public final class Enums {

    public enum Colour { GREEN, YELLOW, RED }

    public enum DocumentType { RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT }

    public enum Relation { PARENT, CHILD, SPOUSE, OTHER }

    public enum Symptom { FEVER, FATIGUE, DRY_COUGH, STUFFY_NOSE, RUNNY_NOSE, SORE_THROAT, DIARRHOEA }

    public enum SubmissionKind { FULL, DAILY_CHECKIN }

    public enum ReasonCode {
        CONFIRMED_CASE, SUSPECTED_CASE, CLOSE_CONTACT, HIGH_RISK_TRAVEL, INBOUND_INTERNATIONAL, DECLARED_CONTACT,
        SECONDARY_CONTACT, SPATIOTEMPORAL, MEDIUM_RISK_TRAVEL, SYMPTOMS, MANUAL_OVERRIDE
    }

    public enum RiskLevel { LOW, MEDIUM, HIGH }

    public enum VenueType { RESIDENTIAL_COMMUNITY, COMPANY, MALL, MARKET, HOSPITAL, PARK, SCHOOL, BUS, TRAIN, FLIGHT }

    public enum ScanDecision { ALLOW, DENY }

    /** How a scanned person was checked; PAPER_CODE: a printed paper code. */
    public enum ScanMode { OPERATOR_SCAN, VENUE_CHECKIN, ID_CARD, COMPANION, PAPER_CODE }

    public enum DenyReason {
        MALFORMED, ALGORITHM_NOT_ALLOWED, UNTRUSTED_ISSUER, UNKNOWN_KEY, BAD_SIGNATURE, REVOKED_KEY, OUTSIDE_KEY_WINDOW,
        EXPIRED,
        /** A paper code that a newer print of the same person has replaced. */
        PAPER_CODE_REPLACED,
        COLOUR_YELLOW, COLOUR_RED,
        /** A visitor's home province could not be asked for the colour, and this province's policy is DENY. */
        HOME_PROVINCE_UNREACHABLE,
        NO_COLOUR,
        /** With ALLOW: the venue's type no longer requires a code; nothing was checked or recorded. */
        NOT_REQUIRED
    }

    /** Whose word a scan's colour is: the issuing province's current colour, or the code's own. */
    public enum ColourSource { ISSUER, TOKEN }

    public enum CaseStatus { CONFIRMED, SUSPECTED, CLEARED }

    public enum CaseChange { OPENED, CHANGED, UNCHANGED, NOTHING_TO_CLEAR }

    public enum Exposure { CLOSE, TRANSPORT, SPATIOTEMPORAL }

    /** Today's submission (declaration or check-in): DONE today, DUE (not yet today), MISSED (nor yesterday). */
    public enum CheckinStatus { DONE, DUE, MISSED }

    public enum ChainRole { CASE, CONTACT }

    public enum AppealStatus { OPEN, UPHELD, REJECTED }

    public enum OrganisationStatus { PENDING, APPROVED }

    public enum AppealDecision { UPHELD, REJECTED }

    public enum OverrideStatus { PROPOSED, APPROVED, REJECTED, EXPIRED }

    public enum RuleSetStatus { ACTIVE, SCHEDULED, SUPERSEDED }

    public enum AuditOutcome { ALLOWED, REFUSED, CHANGED, DONE }

    private Enums() {
    }
}
