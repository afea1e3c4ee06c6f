package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.healthcode.scan.domain.Venue;

@ApplicationScoped
@WithSession
public class VenueRepository implements PanacheRepositoryBase<Venue, UUID> {

    /** The venue of this carriage or cabin of this trip, or null. */
    public Uni<Venue> findTransport(Venue trip) {
        return find("type = ?1 and vehicle = ?2 and tripDate = ?3 and carriage = ?4", trip.type, trip.vehicle,
                trip.tripDate, trip.carriage).firstResult();
    }
}
