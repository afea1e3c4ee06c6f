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
 * This province's federation public key, for the national hub to list on the national trust list:
 * public, with no token (outside /api/v1), like the code keys' JWKS.
 */
@Path("/.well-known/federation-jwks.json")
@PermitAll
@Tag(name = "Federation", description = "Other provinces asking for their visitors' colours and sending the"
        + " contacts their tracing found among this province's people")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class FederationJwksResource {

    private final ScanCheckpointClient scanCheckpoint;

    public FederationJwksResource(@RestClient ScanCheckpointClient scanCheckpoint) {
        this.scanCheckpoint = scanCheckpoint;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This province's federation public key (JWK set, ES256), for the national hub")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = Codes.Jwks.class)))
    public Uni<Response> federationKeys() {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.federationJwks());
    }
}
