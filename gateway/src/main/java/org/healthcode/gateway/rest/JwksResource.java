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
import org.healthcode.gateway.upstream.CodeIssuerClient;
import org.healthcode.gateway.upstream.Upstream;

/** This province's public code-signing keys, for any verifier, with no token (outside /api/v1). */
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "Keys", description = "Public keys for verifying this province's codes offline")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class JwksResource {

    private final CodeIssuerClient codeIssuer;

    public JwksResource(@RestClient CodeIssuerClient codeIssuer) {
        this.codeIssuer = codeIssuer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public keys (JWK set, ES256) of this province's codes")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = Codes.Jwks.class)))
    public Uni<Response> keys() {
        return Upstream.relay("code-issuer", codeIssuer.jwks());
    }
}
