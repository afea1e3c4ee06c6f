package org.healthcode.trace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.healthcode.kit.web.ApiException;
import org.healthcode.trace.domain.TraceCase;
import org.healthcode.trace.repository.CaseRepository;
import org.healthcode.trace.repository.ContactRepository;
import org.healthcode.trace.repository.ContactRepository.StoredContact;

/** What epidemiologists and authorities read about a case: only their own province's cases. */
@ApplicationScoped
public class CaseQueries {

    public record ContactPage(List<StoredContact> items, int page, int size, long total) {
    }

    public record CaseContacts(TraceCase c, List<StoredContact> contacts) {
    }

    private final CaseRepository cases;
    private final ContactRepository contacts;

    public CaseQueries(CaseRepository cases, ContactRepository contacts) {
        this.cases = cases;
        this.contacts = contacts;
    }

    /** The case, if it exists and belongs to the caller's province. */
    @WithSession
    public Uni<TraceCase> find(String id, String callerProvince) {
        UUID caseId = parse(id);
        return cases.find(caseId).map(c -> {
            if (c == null) {
                throw notFound();
            }
            if (!c.province().equals(callerProvince)) {
                throw new ApiException(403, "FORBIDDEN_PROVINCE", "The case belongs to another province");
            }
            return c;
        });
    }

    @WithSession
    public Uni<ContactPage> contacts(String id, String callerProvince, int page, int size) {
        return find(id, callerProvince).chain(c -> contacts.page(c.id(), page, size)
                .chain(items -> contacts.count(c.id()).map(total -> new ContactPage(items, page, size, total))));
    }

    @WithSession
    public Uni<CaseContacts> chain(String id, String callerProvince) {
        return find(id, callerProvince).chain(c -> contacts.all(c.id()).map(all -> new CaseContacts(c, all)));
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
