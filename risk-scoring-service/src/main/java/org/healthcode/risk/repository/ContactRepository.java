package org.healthcode.risk.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.healthcode.risk.domain.Contact;

@ApplicationScoped
@WithSession
public class ContactRepository implements PanacheRepositoryBase<ContactRow, String> {

    /** A finding to store: whose contact, which trace. */
    public record Finding(String subjectId, String traceId, Contact contact) {
    }

    private static final String INSERT = """
            insert into subject_contact (trace_id, case_id, subject_id, degree, exposure, last_exposure, identified_at)
            select trace_id, case_id, subject_id, degree, exposure, last_exposure, identified_at
            from jsonb_to_recordset(cast(cast(?1 as text) as jsonb)) as c(trace_id text, case_id text,
                subject_id text, degree integer, exposure text, last_exposure timestamptz, identified_at timestamptz)
            on conflict (trace_id) do nothing""";

    private final ObjectMapper json;

    public ContactRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The contacts of these subjects that tracing found since {@code from}. */
    public Uni<List<ContactRow>> forSubjects(Collection<String> subjectIds, Instant from) {
        return list("subjectId in ?1 and identifiedAt >= ?2", subjectIds, from);
    }

    /**
     * Stores the findings with one statement; a trace already stored (the same finding under
     * another event id) is left as it is.
     */
    public Uni<Void> insertAll(List<Finding> findings) {
        ArrayNode rows = json.createArrayNode();
        for (Finding finding : findings) {
            Contact contact = finding.contact();
            rows.addObject().put("trace_id", finding.traceId()).put("case_id", contact.caseId())
                    .put("subject_id", finding.subjectId()).put("degree", contact.degree())
                    .put("exposure", contact.exposure().name())
                    .put("last_exposure", contact.lastExposure().toString())
                    .put("identified_at", contact.identifiedAt().toString());
        }
        // typed as text first: a string bound straight to jsonb would be sent as a JSON string
        return getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, rows.toString())
                .executeUpdate())
                .replaceWithVoid();
    }
}
