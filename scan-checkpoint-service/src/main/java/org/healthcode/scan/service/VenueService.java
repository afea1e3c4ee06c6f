package org.healthcode.scan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.code.qr.QrRenderer;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.scan.domain.CheckpointAudit;
import org.healthcode.scan.domain.PosterCodes;
import org.healthcode.scan.domain.Venue;
import org.healthcode.scan.repository.VenueRepository;

/**
 * Venues and their posters. Staff manage and use the venues of their own province only: asking for
 * another's is refused (403 FORBIDDEN_PROVINCE) and the refusal is written to the audit trail.
 */
@ApplicationScoped
public class VenueService {

    /** A venue and whether this request registered it (false: the carriage was already a venue). */
    public record Registered(Venue venue, boolean created) {
    }

    private final VenueRepository venues;
    private final PosterCodes posters;
    private final QrRenderer renderer;
    private final AuditTrail audit;
    private final Clock clock;

    public VenueService(VenueRepository venues, PosterCodes posters, QrRenderer renderer, AuditTrail audit,
            Clock clock) {
        this.venues = venues;
        this.posters = posters;
        this.renderer = renderer;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a validated venue. A carriage or cabin of a trip is one venue: registering it again
     * answers the existing one, so that everyone aboard shares one venue for tracing.
     */
    public Uni<Registered> register(Venue venue, Caller staff) {
        return refuseAnotherProvince(venue, staff, "POST /v1/venues", venue.regionCode, null).chain(() -> {
            venue.id = UUID.randomUUID();
            venue.createdBy = staff.subject();
            venue.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return Panache.withTransaction(() -> (venue.type.transport() ? venues.findTransport(venue)
                    : Uni.createFrom().<Venue>nullItem())
                    .chain(existing -> existing != null
                            ? Uni.createFrom().item(new Registered(existing, false))
                            : venues.persist(venue).replaceWith(new Registered(venue, true))));
        });
    }

    /**
     * A venue of the caller's province, or 404; another province's is 403, audited with what was
     * asked ({@code request}, e.g. {@code POST /v1/scans}) and about whom ({@code subjectId}, or null).
     */
    public Uni<Venue> find(String id, Caller staff, String request, String subjectId) {
        return find(id).call(venue -> refuseAnotherProvince(venue, staff, request, venue.id.toString(), subjectId));
    }

    /**
     * Any venue, or 404 VENUE_NOT_FOUND (also for an id that is not one). A venue never changes once
     * registered, and every scan names one: it is read once and kept ({@code venues} cache; a 404 is
     * not kept, so a venue registered a moment later is found).
     */
    @CacheResult(cacheName = "venues")
    public Uni<Venue> find(String id) {
        UUID venueId;
        try {
            venueId = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(notFound());
        }
        return venues.findById(venueId).onItem().ifNull().failWith(VenueService::notFound);
    }

    public String posterCode(Venue venue) {
        return posters.codeOf(venue.id);
    }

    // Drawing takes milliseconds (zxing tries all eight masks): off the event loop.
    public Uni<byte[]> poster(Venue venue) {
        return Uni.createFrom().item(venue).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(v -> renderer.poster(posters.codeOf(v.id)));
    }

    // The refusal is recorded on its own (committed whatever becomes of the caller's transaction),
    // then the request fails.
    private Uni<Void> refuseAnotherProvince(Venue venue, Caller staff, String request, String object,
            String subjectId) {
        String staffProvince = staff.staffProvince();
        if (venue.province.equals(staffProvince)) {
            return Uni.createFrom().voidItem();
        }
        return audit.record(CheckpointAudit.crossProvince(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        staff.subject(), staffProvince, request, object, venue.province, subjectId))
                .chain(() -> Uni.createFrom().failure(
                        new ApiException(403, "FORBIDDEN_PROVINCE", "The venue is in another province")));
    }

    static ApiException notFound() {
        return ApiException.notFound("VENUE_NOT_FOUND", "No such venue");
    }
}
