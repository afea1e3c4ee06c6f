package org.healthcode.gateway.upstream;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** risk-scoring-service's routes that take any subject: with the gateway's own service identity only. */
@RegisterRestClient(configKey = "risk-scoring")
@OidcClientFilter
@Path("/v1/subjects/{subjectId}")
public interface RiskScoringPlatformClient {

    @GET
    @Path("/explanation")
    Uni<Response> explanation(@PathParam("subjectId") String subjectId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);
}
