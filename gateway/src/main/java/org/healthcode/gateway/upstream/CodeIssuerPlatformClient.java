package org.healthcode.gateway.upstream;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * code-issuer-service's routes that take any subject: called with the gateway's own service identity
 * (client credentials), never a person's token, once declaration-service has said whose subject it is.
 */
@RegisterRestClient(configKey = "code-issuer")
@OidcClientFilter
@Path("/v1/subjects/{subjectId}")
public interface CodeIssuerPlatformClient {

    @GET
    @Path("/code")
    Uni<Response> code(@PathParam("subjectId") String subjectId);

    // The image calls accept JSON too: a refusal (404 NO_COLOUR_YET) comes back in the error shape.
    @GET
    @Path("/code.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    Uni<Response> codePng(@PathParam("subjectId") String subjectId);

    @GET
    @Path("/code.svg")
    @Produces({"image/svg+xml", MediaType.APPLICATION_JSON})
    Uni<Response> codeSvg(@PathParam("subjectId") String subjectId);

    /** A new paper code (A6 PDF); the print before it is revoked. */
    @POST
    @Path("/paper-code")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    Uni<Response> paperCode(@PathParam("subjectId") String subjectId);
}
