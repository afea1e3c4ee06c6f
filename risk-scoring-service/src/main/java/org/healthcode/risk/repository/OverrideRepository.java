package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.healthcode.risk.domain.OverrideStatus;

@ApplicationScoped
@WithSession
public class OverrideRepository implements PanacheRepositoryBase<OverrideRow, UUID> {

    /** The approved overrides of these subjects that have not ended by {@code now}. */
    public Uni<List<OverrideRow>> inForce(Collection<String> subjectIds, Instant now) {
        return list("subjectId in ?1 and status = ?2 and until > ?3", subjectIds, OverrideStatus.APPROVED, now);
    }

    /** The override, locked until the transaction ends; null when unknown. */
    public Uni<OverrideRow> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The province's overrides with this status at {@code now} (null: any), oldest proposal first.
     * PROPOSED and EXPIRED are both stored as PROPOSED: the expiry tells them apart.
     */
    public Uni<List<OverrideRow>> ofProvince(String province, OverrideStatus status, Instant now) {
        Sort order = Sort.by("proposedAt").and("id");
        if (status == null) {
            return list("province = ?1", order, province);
        }
        return switch (status) {
            case PROPOSED -> list("province = ?1 and status = ?2 and expiresAt > ?3", order, province,
                    OverrideStatus.PROPOSED, now);
            case EXPIRED -> list("province = ?1 and status = ?2 and expiresAt <= ?3", order, province,
                    OverrideStatus.PROPOSED, now);
            case APPROVED, REJECTED -> list("province = ?1 and status = ?2", order, province, status);
        };
    }
}
