package org.healthcode.declaration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.NamedSubject;
import org.healthcode.declaration.domain.Person;

@ApplicationScoped
@WithSession
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Uni<Person> findByAccount(String accountSubject) {
        return find("accountSubject", accountSubject).firstResult();
    }

    /** The account holder, locked for the rest of the transaction (serialises a guardian's changes). */
    public Uni<Person> lockByAccount(String accountSubject) {
        return find("accountSubject", accountSubject).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Person> findBySubjectId(String subjectId) {
        return find("subjectId", subjectId).firstResult();
    }

    /** The registered ones among these subjects, in one query on the unique index. */
    public Uni<List<Person>> findBySubjectIds(Collection<String> subjectIds) {
        return list("subjectId in ?1", subjectIds);
    }

    public Uni<Boolean> existsBySubjectId(String subjectId) {
        return count("subjectId", subjectId).map(count -> count > 0);
    }

    /** The masked names of those of these subjects who are registered, in one query on the unique index. */
    public Uni<List<NamedSubject>> maskedNames(Collection<String> subjectIds) {
        return find("subjectId in ?1 order by subjectId", subjectIds).project(NamedSubject.class).list();
    }

    public Uni<Long> countDependents(UUID guardianId) {
        return count("guardianId", guardianId);
    }

    public Uni<List<Person>> listDependents(UUID guardianId) {
        return list("guardianId = ?1 order by registeredAt, id", guardianId);
    }

    /** A dependent of this guardian by pseudonym; null when the subject is nobody's or someone else's. */
    public Uni<Person> findDependentBySubject(UUID guardianId, String subjectId) {
        return find("subjectId = ?1 and guardianId = ?2", subjectId, guardianId).firstResult();
    }

    public Uni<List<Person>> findByIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    public Uni<Person> findDependent(UUID guardianId, UUID dependentId) {
        return find("id = ?1 and guardianId = ?2", dependentId, guardianId).firstResult();
    }
}
