package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class SubmissionRepository implements PanacheRepositoryBase<SubmissionRow, String> {

    /**
     * A subject's submissions since {@code from}, plus their latest submission and latest full
     * declaration however old (validity and vaccination come from those).
     */
    public Uni<List<SubmissionRow>> forSubject(String subjectId, Instant from) {
        return list("""
                subjectId = ?1 and (declaredAt >= ?2
                    or declaredAt = (select max(l.declaredAt) from SubmissionRow l where l.subjectId = ?1)
                    or declaredAt = (select max(f.declaredAt) from SubmissionRow f
                                     where f.subjectId = ?1 and f.kind = 'FULL'))""",
                Sort.by("declaredAt"), subjectId, from);
    }
}
