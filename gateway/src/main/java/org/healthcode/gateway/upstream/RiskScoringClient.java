package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** risk-scoring-service: region risk levels. */
@RegisterRestClient(configKey = "risk-scoring")
@RegisterClientHeaders
@Path("/v1/regions")
public interface RiskScoringClient {

    @PUT
    @Path("/{code}/risk")
    Uni<Response> setRegionRisk(@PathParam("code") String regionCode, JsonNode level);

    @GET
    @Path("/risk")
    Uni<Response> regionRisks();
}
