package org.healthcode.trace.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.trace.domain.Exposure;
import org.healthcode.trace.repository.ContactRepository.StoredContact;
import org.healthcode.trace.service.CaseQueries;

/**
 * A contact of a case. {@code sourceSubjectId}: who exposed them (the case for degree 1, a close
 * contact for degree 2); {@code lastExposure} = {@code overlapTo}; {@code homeProvince}: the
 * province a visitor lives in (their finding is sent there), null for this province's people.
 * Masked names are the gateway's.
 */
public record ContactView(String contactSubjectId, int degree, Exposure exposure, UUID venueId, Instant overlapFrom,
        Instant overlapTo, Instant lastExposure, String sourceSubjectId, UUID traceId, String homeProvince) {

    static ContactView of(StoredContact c) {
        return new ContactView(c.contactSubjectId(), c.degree(), c.exposure(), c.venueId(), c.overlapFrom(),
                c.overlapTo(), c.overlapTo(), c.sourceSubjectId(), c.traceId(), c.homeProvince());
    }

    /** {@code GET /v1/cases/{id}/contacts}: one page, sorted by degree then overlapFrom. */
    public record Page(List<ContactView> items, int page, int size, long total) {

        static Page of(CaseQueries.ContactPage page) {
            return new Page(page.items().stream().map(ContactView::of).toList(), page.page(), page.size(),
                    page.total());
        }
    }
}
