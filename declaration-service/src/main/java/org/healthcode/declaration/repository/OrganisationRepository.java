package org.healthcode.declaration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.Organisation;
import org.healthcode.declaration.domain.OrganisationStatus;

@ApplicationScoped
@WithSession
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    public Uni<Organisation> findByStaffAccount(String account) {
        return find("staffAccount", account).firstResult();
    }

    /** The approved organisation with this invitation code, or null. */
    public Uni<Organisation> findApprovedByInvitation(String invitationCode) {
        return find("invitationCode = ?1 and status = ?2", invitationCode, OrganisationStatus.APPROVED).firstResult();
    }

    /** A province's organisations in one status, oldest first. */
    public Uni<List<Organisation>> queue(String province, OrganisationStatus status, int limit) {
        return find("province = ?1 and status = ?2 order by registeredAt, id", province, status)
                .range(0, limit - 1).list();
    }

    /** The organisation, locked for the rest of the transaction (two authorities cannot both approve it). */
    public Uni<Organisation> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
