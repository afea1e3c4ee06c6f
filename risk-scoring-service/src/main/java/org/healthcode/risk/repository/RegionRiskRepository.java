package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.risk.domain.RiskLevel;

@ApplicationScoped
@WithSession
public class RegionRiskRepository implements PanacheRepositoryBase<RegionRiskRow, String> {

    /** The regions above LOW, by code. */
    public Uni<List<RegionRiskRow>> elevated() {
        return list("level <> ?1", Sort.by("regionCode"), RiskLevel.LOW);
    }
}
