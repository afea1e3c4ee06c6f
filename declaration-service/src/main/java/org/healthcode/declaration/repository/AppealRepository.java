package org.healthcode.declaration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.Appeal;
import org.healthcode.declaration.domain.AppealStatus;

@ApplicationScoped
@WithSession
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    /** These persons' appeals, newest first. */
    public Uni<List<Appeal>> ofPersons(Collection<UUID> personIds) {
        return list("personId in ?1 order by createdAt desc, id", personIds);
    }

    public Uni<Boolean> hasOpen(UUID personId) {
        return count("personId = ?1 and status = ?2", personId, AppealStatus.OPEN).map(count -> count > 0);
    }

    /** A province's appeals in one status, oldest first. */
    public Uni<List<Appeal>> queue(String province, AppealStatus status, int limit) {
        return find("province = ?1 and status = ?2 order by createdAt, id", province, status)
                .range(0, limit - 1).list();
    }

    /** The appeal, locked for the rest of the transaction (two authorities cannot both answer it). */
    public Uni<Appeal> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
