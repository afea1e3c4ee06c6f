package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class TravelRepository implements PanacheRepositoryBase<TravelRow, UUID> {

    /** The stays a subject declared since {@code from}. */
    public Uni<List<TravelRow>> forSubject(String subjectId, Instant from) {
        return list("subjectId = ?1 and declaredAt >= ?2", subjectId, from);
    }
}
