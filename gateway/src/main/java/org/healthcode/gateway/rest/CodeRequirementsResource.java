package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Checkpoints;
import org.healthcode.gateway.upstream.ScanCheckpointClient;
import org.healthcode.gateway.upstream.Upstream;

@Path("/api/v1/code-requirements/{province}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venues", description = "Venues (transport: one per carriage or cabin of a trip) and their poster codes")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CodeRequirementsResource {

    private final ScanCheckpointClient scanCheckpoint;

    public CodeRequirementsResource(@RestClient ScanCheckpointClient scanCheckpoint) {
        this.scanCheckpoint = scanCheckpoint;
    }

    @GET
    @RolesAllowed({"checkpoint", "authority"})
    @Operation(summary = "Whether a code is still required at each venue type of a province (staff of that province)")
    @APIResponse(responseCode = "200", description = "Every venue type of the province",
            content = @Content(schema = @Schema(implementation = Checkpoints.CodeRequirements.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> list(@PathParam("province") String province) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.codeRequirements(province));
    }

    @PUT
    @Path("/{venueType}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "Stand a venue type of the caller's province down (no code required: every scan there "
            + "answers ALLOW, NOT_REQUIRED and records nothing), or require codes there again; audited")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = Checkpoints.CodeRequirement.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> set(@PathParam("province") String province, @PathParam("venueType") String venueType,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Checkpoints.CodeRequirementChange.class),
                            example = ApiExamples.CODE_REQUIREMENT)) JsonNode change) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.setCodeRequirement(province, venueType, change));
    }
}
