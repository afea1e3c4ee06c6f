package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.healthcode.gateway.contract.Checkpoints;
import org.healthcode.gateway.service.CheckpointScans;

@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("checkpoint")
@Tag(name = "Checkpoint", description = "Verifying a health code at an entrance")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ScansResource {

    private final CheckpointScans scans;

    public ScansResource(CheckpointScans scans) {
        this.scans = scans;
    }

    @POST
    @Operation(summary = "Scan a code at a venue (idempotent by scanId): ALLOW or DENY with reason, colour and masked name")
    @APIResponse(responseCode = "200", description = "ALLOW or DENY",
            content = @Content(schema = @Schema(implementation = Checkpoints.ScanResult.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<ObjectNode> scan(@RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Checkpoints.CodeScan.class),
                            example = ApiExamples.SCAN)) JsonNode scan) {
        return scans.scan(scan);
    }

    @POST
    @Path("/id-card")
    @Operation(summary = "Look a person without a phone up by document at a venue (audited): decision and masked name")
    @APIResponse(responseCode = "200", description = "ALLOW or DENY",
            content = @Content(schema = @Schema(implementation = Checkpoints.ScanResult.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<ObjectNode> scanIdCard(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Checkpoints.IdCardScan.class),
                            example = ApiExamples.ID_CARD_SCAN)) JsonNode scan) {
        return scans.scanIdCard(scan);
    }
}
