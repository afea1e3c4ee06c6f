package org.healthcode.declaration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.healthcode.declaration.Person;

@ApplicationScoped
@WithSession
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Uni<Person> findByAccount(String accountSubject) {
        return find("accountSubject", accountSubject).firstResult();
    }
}
