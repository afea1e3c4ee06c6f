package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Checkpoints;
import org.healthcode.gateway.upstream.ScanCheckpointClient;
import org.healthcode.gateway.upstream.Upstream;

@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"checkpoint", "authority"})
@Tag(name = "Venues", description = "Venues (transport: one per carriage or cabin of a trip) and their poster codes")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class VenuesResource {

    private final ScanCheckpointClient scanCheckpoint;

    public VenuesResource(@RestClient ScanCheckpointClient scanCheckpoint) {
        this.scanCheckpoint = scanCheckpoint;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a venue: name, type, regionCode, address (transport: vehicle, tripDate, carriage)")
    @APIResponse(responseCode = "201", description = "Registered, with its id and signed poster code",
            content = @Content(schema = @Schema(implementation = Checkpoints.Venue.class)))
    @APIResponse(responseCode = "200", description = "The same venue was already registered",
            content = @Content(schema = @Schema(implementation = Checkpoints.Venue.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> create(@RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Checkpoints.VenueRegistration.class),
                            example = ApiExamples.VENUE)) JsonNode venue) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.createVenue(venue));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A venue and its poster code")
    @APIResponse(responseCode = "200", description = "The venue",
            content = @Content(schema = @Schema(implementation = Checkpoints.Venue.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@PathParam("id") String id) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.venue(id));
    }

    @GET
    @Path("/{id}/poster.png")
    @Produces("image/png")
    @Operation(summary = "A venue's poster: its signed code as a QR image (PNG), for citizens to scan")
    @APIResponse(responseCode = "200", description = "The poster's QR image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> poster(@PathParam("id") String id) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.poster(id));
    }
}
