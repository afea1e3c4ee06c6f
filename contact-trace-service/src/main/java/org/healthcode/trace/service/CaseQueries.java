package org.healthcode.trace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.trace.domain.CaseAudit;
import org.healthcode.trace.domain.CaseAudit.Read;
import org.healthcode.trace.domain.TraceCase;
import org.healthcode.trace.repository.CaseRepository;
import org.healthcode.trace.repository.ContactRepository;
import org.healthcode.trace.repository.ContactRepository.StoredContact;

/**
 * What epidemiologists and authorities read about a case: only their own province's cases. Every
 * read is written to the audit trail before it is answered (a read whose entry cannot be written
 * fails); a case of another province is refused (403 FORBIDDEN_PROVINCE) and the refusal audited.
 */
@ApplicationScoped
public class CaseQueries {

    public record ContactPage(List<StoredContact> items, int page, int size, long total) {
    }

    public record CaseContacts(TraceCase c, List<StoredContact> contacts) {
    }

    private final CaseRepository cases;
    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseQueries(CaseRepository cases, ContactRepository contacts, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case, if it exists and belongs to the caller's province; audited {@code CASE_READ}. */
    @WithSession
    public Uni<TraceCase> find(String id, Caller staff) {
        return readable(id, staff, Read.CASE_READ)
                .call(c -> audit.record(CaseAudit.allowed(Read.CASE_READ, c, staff.subject(), now(), null)));
    }

    /**
     * A page of the case's contacts; audited {@code CONTACTS_READ}, or {@code CONTACTS_EXPORT} when
     * read for an export (the gateway's CSV reads every page so).
     */
    @WithSession
    public Uni<ContactPage> contacts(String id, Caller staff, int page, int size, boolean export) {
        Read read = export ? Read.CONTACTS_EXPORT : Read.CONTACTS_READ;
        return readable(id, staff, read).chain(c -> contacts.page(c.id(), page, size)
                .chain(items -> contacts.count(c.id()).map(total -> new ContactPage(items, page, size, total)))
                .call(found -> audit.record(CaseAudit.allowed(read, c, staff.subject(), now(),
                        "page=" + page + " size=" + size + " items=" + found.items().size() + " total="
                                + found.total()))));
    }

    /** The case with all its contacts, for the chain; audited {@code CHAIN_READ}. */
    @WithSession
    public Uni<CaseContacts> chain(String id, Caller staff) {
        return readable(id, staff, Read.CHAIN_READ).chain(c -> contacts.all(c.id()).map(all -> new CaseContacts(c, all))
                .call(found -> audit.record(CaseAudit.allowed(Read.CHAIN_READ, c, staff.subject(), now(),
                        "contacts=" + found.contacts().size()))));
    }

    /** The case of the caller's province, or 404; another province's is audited, then 403. */
    private Uni<TraceCase> readable(String id, Caller staff, Read read) {
        String province = staff.staffProvince();
        UUID caseId = parse(id);
        return cases.find(caseId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(notFound());
            }
            if (!c.province().equals(province)) {
                return audit.record(CaseAudit.refused(read, c, staff.subject(), province, now()))
                        .chain(() -> Uni.createFrom().failure(
                                new ApiException(403, "FORBIDDEN_PROVINCE", "The case belongs to another province")));
            }
            return Uni.createFrom().item(c);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("CASE_NOT_FOUND", "No such case");
    }
}
