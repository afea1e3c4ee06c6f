package org.healthcode.scan.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.web.Caller;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.domain.Venue;
import org.healthcode.scan.domain.VenueForm;
import org.healthcode.scan.domain.VenueValidator;
import org.healthcode.scan.service.VenueService;
import org.jboss.resteasy.reactive.ResponseHeader;

/** Venues of the caller's province and their posters. */
@Path("/v1/venues")
@RolesAllowed({"checkpoint", "authority"})
public class VenueResource {

    private final VenueService venues;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ScanConfig config;

    public VenueResource(VenueService venues, SecurityIdentity identity, Clock clock, ScanConfig config) {
        this.venues = venues;
        this.identity = identity;
        this.clock = clock;
        this.config = config;
    }

    /** 201 with the new venue; 200 with the existing one when this carriage of this trip is already a venue. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Intake
    public Uni<Response> register(VenueForm form) {
        Venue venue = VenueValidator.validate(form, LocalDate.ofInstant(clock.instant(), config.timeZone()));
        return venues.register(venue, Caller.of(identity))
                .map(registered -> Response.status(registered.created() ? 201 : 200)
                        .entity(view(registered.venue())).build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<VenueView> venue(@PathParam("id") String id) {
        return venues.find(id, Caller.of(identity), "GET /v1/venues/{id}", null).map(this::view);
    }

    /**
     * What any resident may know of a venue, of any province: its name, type and region (as its poster
     * says). declaration-service asks it, with the resident's own token, before the resident names the
     * venue as their residential community; it decides whether the venue fits.
     */
    @GET
    @Path("/{id}/place")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("citizen")
    public Uni<VenueView.Place> place(@PathParam("id") String id) {
        return venues.find(id).map(VenueView.Place::of);
    }

    /** The poster to print: the venue code as a black QR. */
    @GET
    @Path("/{id}/poster.png")
    @Produces("image/png")
    @ResponseHeader(name = "Cache-Control", value = "private, max-age=3600")
    public Uni<byte[]> poster(@PathParam("id") String id) {
        return venues.find(id, Caller.of(identity), "GET /v1/venues/{id}/poster.png", null).chain(venues::poster);
    }

    private VenueView view(Venue venue) {
        return VenueView.of(venue, venues.posterCode(venue));
    }
}
