package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class TravelRepository implements PanacheRepositoryBase<TravelRow, UUID> {

    /** The stays these subjects declared since {@code from}. */
    public Uni<List<TravelRow>> forSubjects(Collection<String> subjectIds, Instant from) {
        return list("subjectId in ?1 and declaredAt >= ?2", subjectIds, from);
    }
}
