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

/** code-issuer-service: the signed code of a subject, its QR images, verification, public keys. */
@RegisterRestClient(configKey = "code-issuer")
@RegisterClientHeaders
public interface CodeIssuerClient {

    @GET
    @Path("/v1/subjects/{subjectId}/code")
    Uni<Response> code(@PathParam("subjectId") String subjectId);

    // The image calls accept JSON too: a refusal (404 NO_COLOUR_YET) comes back in the error shape.
    @GET
    @Path("/v1/subjects/{subjectId}/code.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    Uni<Response> codePng(@PathParam("subjectId") String subjectId);

    @GET
    @Path("/v1/subjects/{subjectId}/code.svg")
    @Produces({"image/svg+xml", MediaType.APPLICATION_JSON})
    Uni<Response> codeSvg(@PathParam("subjectId") String subjectId);

    /** The verification as the service gives it; the gateway adds the holder's masked name. */
    @POST
    @Path("/v1/codes/verify")
    Uni<ObjectNode> verify(JsonNode request);

    @GET
    @Path("/.well-known/jwks.json")
    Uni<Response> jwks();
}
