package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.healthcode.kit.db.Columns;
import org.healthcode.risk.domain.Contact;

@ApplicationScoped
@WithSession
public class ContactRepository implements PanacheRepositoryBase<ContactRow, String> {

    /** A finding to store: whose contact, which trace. */
    public record Finding(String subjectId, String traceId, Contact contact) {
    }

    private static final String INSERT = """
            insert into subject_contact (trace_id, case_id, subject_id, degree, exposure, last_exposure, identified_at)
            select u.trace_id, u.case_id, u.subject_id, cast(u.degree as integer), u.exposure,
                   cast(u.last_exposure as timestamptz), cast(u.identified_at as timestamptz)
            from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),
                        cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]))
                 as u(trace_id, case_id, subject_id, degree, exposure, last_exposure, identified_at)
            on conflict (trace_id) do nothing""";

    /** The contacts of these subjects that tracing found since {@code from}. */
    public Uni<List<ContactRow>> forSubjects(Collection<String> subjectIds, Instant from) {
        return list("subjectId in ?1 and identifiedAt >= ?2", subjectIds, from);
    }

    /**
     * Stores the findings with one statement; a trace already stored (the same finding under
     * another event id) is left as it is.
     */
    public Uni<Void> insertAll(List<Finding> findings) {
        String[][] columns = Columns.of(findings, Finding::traceId, finding -> finding.contact().caseId(),
                Finding::subjectId, finding -> Integer.toString(finding.contact().degree()),
                finding -> finding.contact().exposure().name(), finding -> finding.contact().lastExposure().toString(),
                finding -> finding.contact().identifiedAt().toString());
        return getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 1, columns[c]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
