package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.healthcode.risk.domain.RegionSpan;

@ApplicationScoped
@WithSession
public class FeverClinicRepository implements PanacheRepositoryBase<FeverClinicRow, UUID> {

    /** The clinics within the area (a county, or every county of a city or province), by region and name. */
    public Uni<List<FeverClinicRow>> within(RegionSpan span) {
        return list("regionCode between ?1 and ?2", Sort.by("regionCode").and("name").and("id"), span.first(),
                span.last());
    }
}
