package org.healthcode.declaration.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;

/**
 * This service's lines in the audit trail: staff reads of personal data, refusals and changes.
 * Pseudonyms, ids and codes only: never a name, a document, a phone, an appeal's reason or note.
 */
@ApplicationScoped
public class StaffAudit {

    public static final String SUBJECT_RESOLVED = "SUBJECT_RESOLVED";
    public static final String MASKED_NAME_READ = "MASKED_NAME_READ";
    public static final String APPEAL_READ = "APPEAL_READ";
    public static final String APPEAL_ANSWERED = "APPEAL_ANSWERED";
    public static final String CROSS_PROVINCE_READ = "CROSS_PROVINCE_READ";
    /** A citizen asked for a person who is not their dependent (someone else's, or themselves). */
    public static final String OTHERS_DEPENDENT = "OTHERS_DEPENDENT";

    /** What one staff read touched. */
    public record Read(String subjectId, String object, String province) {
    }

    private final AuditTrail trail;
    private final ProvinceCalendar calendar;

    public StaffAudit(AuditTrail trail, ProvinceCalendar calendar) {
        this.trail = trail;
        this.calendar = calendar;
    }

    /** A staff read, committed at once: it stays recorded whatever becomes of the answer. */
    public Uni<Void> read(String actor, String action, Read read) {
        return trail.record(entry(actor, action, Outcome.ALLOWED, read, null));
    }

    /** One line per item a staff read returned, written in one batch. */
    public Uni<Void> reads(String actor, String action, List<Read> reads) {
        return trail.recordAll(reads.stream().map(read -> entry(actor, action, Outcome.ALLOWED, read, null)).toList());
    }

    /**
     * A read of a list: one line for the list itself ({@code detail}, e.g. how many lines it had), one
     * for each person it showed, written in one batch.
     */
    public Uni<Void> listed(String actor, String action, Read list, String detail, List<Read> each) {
        List<AuditEntry> entries = new java.util.ArrayList<>();
        entries.add(entry(actor, action, Outcome.ALLOWED, list, detail));
        each.forEach(read -> entries.add(entry(actor, action, Outcome.ALLOWED, read, null)));
        return trail.recordAll(entries);
    }

    /** A call refused because the data belongs to another province; committed at once. */
    public Uni<Void> crossProvince(String actor, Read refused, String callerProvince) {
        return trail.record(entry(actor, CROSS_PROVINCE_READ, Outcome.REFUSED, refused,
                "caller's province " + callerProvince));
    }

    /** A call refused because the person is not the caller's to reach; committed at once. */
    public Uni<Void> refused(String actor, String action, Read refused) {
        return refused(actor, action, refused, null);
    }

    /** The same, saying why. */
    public Uni<Void> refused(String actor, String action, Read refused, String detail) {
        return trail.record(entry(actor, action, Outcome.REFUSED, refused, detail));
    }

    /** A change, inside the caller's transaction: the change and its line exist together or not at all. */
    public Uni<Void> changed(String actor, String action, Read read, String detail) {
        return trail.recordWithin(entry(actor, action, Outcome.CHANGED, read, detail));
    }

    private AuditEntry entry(String actor, String action, Outcome outcome, Read read, String detail) {
        return new AuditEntry(calendar.now(), actor, action, outcome, read.subjectId(), read.object(), read.province(),
                detail);
    }
}
