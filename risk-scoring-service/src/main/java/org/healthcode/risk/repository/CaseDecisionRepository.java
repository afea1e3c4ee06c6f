package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class CaseDecisionRepository implements PanacheRepositoryBase<CaseDecisionRow, String> {

    /** Every case decision about these subjects: open-ended reasons have no window. */
    public Uni<List<CaseDecisionRow>> forSubjects(Collection<String> subjectIds) {
        return list("subjectId in ?1", Sort.by("decidedAt"), subjectIds);
    }
}
