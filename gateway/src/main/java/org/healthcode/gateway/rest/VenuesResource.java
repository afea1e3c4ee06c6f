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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.ScanCheckpointClient;
import org.healthcode.gateway.upstream.Upstream;

@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"checkpoint", "authority"})
@Tag(name = "Venues", description = "Venues (transport: one per carriage or cabin of a trip) and their poster codes")
public class VenuesResource {

    private final ScanCheckpointClient scanCheckpoint;

    public VenuesResource(@RestClient ScanCheckpointClient scanCheckpoint) {
        this.scanCheckpoint = scanCheckpoint;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a venue: name, type, regionCode, address (transport: vehicle, tripDate, carriage)")
    @APIResponse(responseCode = "201", description = "Registered, with its id and signed poster code")
    public Uni<Response> create(@RequestBody(content = @Content(example = ApiExamples.VENUE)) JsonNode venue) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.createVenue(venue));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A venue and its poster code")
    public Uni<Response> get(@PathParam("id") String id) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.venue(id));
    }

    @GET
    @Path("/{id}/poster.png")
    @Produces("image/png")
    @Operation(summary = "A venue's poster: its signed code as a QR image (PNG), for citizens to scan")
    public Uni<Response> poster(@PathParam("id") String id) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.poster(id));
    }
}
