package org.healthcode.trace.domain;

import java.time.Instant;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;

/**
 * What the audit trail keeps of staff reading a case: who read which case (of whom), when, and
 * what they got, or that they were refused because the case is another province's. Account ids,
 * pseudonyms, the case id and counts only.
 */
public final class CaseAudit {

    /** A staff read of a case's trace, each one audited under its own name. */
    public enum Read {
        CASE_READ, CONTACTS_READ, CONTACTS_EXPORT, CHAIN_READ
    }

    public static final String CROSS_PROVINCE_READ = "CROSS_PROVINCE_READ";

    private CaseAudit() {
    }

    /**
     * A read that was answered: subjectId = the case's subject, object = the case id, province =
     * the case's; {@code detail} says how much was read (e.g. a page and its size), or null.
     */
    public static AuditEntry allowed(Read read, TraceCase c, String staff, Instant at, String detail) {
        return new AuditEntry(at, staff, read.name(), Outcome.ALLOWED, c.subjectId(), c.id().toString(), c.province(),
                detail);
    }

    /**
     * A read refused because the case belongs to another province. The entry is the case's
     * province's (its admins see who tried); the detail names what was asked and the caller's province.
     */
    public static AuditEntry refused(Read read, TraceCase c, String staff, String staffProvince, Instant at) {
        return new AuditEntry(at, staff, CROSS_PROVINCE_READ, Outcome.REFUSED, c.subjectId(), c.id().toString(),
                c.province(), read.name() + " by staff of " + staffProvince + ": the case is in " + c.province());
    }
}
