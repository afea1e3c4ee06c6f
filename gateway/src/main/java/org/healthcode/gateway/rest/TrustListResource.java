package org.healthcode.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Codes;
import org.healthcode.gateway.upstream.ScanCheckpointClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * The provinces whose codes this province's checkpoints accept, and their keys: public, with no
 * token (application.properties opens this one path under /api/v1).
 */
@Path("/api/v1/trust-list")
@PermitAll
@Tag(name = "Keys", description = "Public keys for verifying this province's codes offline")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class TrustListResource {

    private final ScanCheckpointClient scanCheckpoint;

    public TrustListResource(@RestClient ScanCheckpointClient scanCheckpoint) {
        this.scanCheckpoint = scanCheckpoint;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trusted provinces and their public keys, as this province's checkpoints use them")
    @APIResponse(responseCode = "200", description = "The trust list",
            content = @Content(schema = @Schema(implementation = Codes.TrustList.class)))
    public Uni<Response> trustList() {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.trustList());
    }
}
