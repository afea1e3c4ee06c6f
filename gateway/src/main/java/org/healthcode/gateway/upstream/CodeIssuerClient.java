package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** code-issuer-service with the caller's token: verification and public keys (codes: {@link CodeIssuerPlatformClient}). */
@RegisterRestClient(configKey = "code-issuer")
@RegisterClientHeaders
public interface CodeIssuerClient {

    /** The verification as the service gives it; the gateway adds the holder's masked name. */
    @POST
    @Path("/v1/codes/verify")
    Uni<ObjectNode> verify(JsonNode request);

    @GET
    @Path("/.well-known/jwks.json")
    Uni<Response> jwks();
}
