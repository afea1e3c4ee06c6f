package org.healthcode.declaration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.healthcode.declaration.domain.Declaration;

@ApplicationScoped
@WithSession
public class DeclarationRepository implements PanacheRepositoryBase<Declaration, UUID> {
}
