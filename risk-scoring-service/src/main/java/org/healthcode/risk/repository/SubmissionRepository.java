package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class SubmissionRepository implements PanacheRepositoryBase<SubmissionRow, String> {

    /**
     * These subjects' submissions since {@code from}, plus each one's latest submission and latest
     * full declaration however old (validity and vaccination come from those), by time.
     */
    public Uni<List<SubmissionRow>> forSubjects(Collection<String> subjectIds, Instant from) {
        return list("""
                from SubmissionRow s where s.subjectId in ?1 and (s.declaredAt >= ?2
                    or s.declaredAt = (select max(l.declaredAt) from SubmissionRow l where l.subjectId = s.subjectId)
                    or s.declaredAt = (select max(f.declaredAt) from SubmissionRow f
                                       where f.subjectId = s.subjectId and f.kind = 'FULL'))
                order by s.declaredAt""", subjectIds, from);
    }
}
