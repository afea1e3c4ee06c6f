package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * risk-scoring-service: region risk levels, fever clinics, public figures, rule sets, overrides and
 * the explanation of a colour.
 */
@RegisterRestClient(configKey = "risk-scoring")
@RegisterClientHeaders
@Path("/v1")
public interface RiskScoringClient {

    @PUT
    @Path("/regions/{code}/risk")
    Uni<Response> setRegionRisk(@PathParam("code") String regionCode, JsonNode level);

    @GET
    @Path("/regions/risk")
    Uni<Response> regionRisks();

    @GET
    @Path("/fever-clinics")
    Uni<Response> feverClinics(@QueryParam("region") String region);

    @POST
    @Path("/fever-clinics")
    Uni<Response> addFeverClinic(JsonNode clinic);

    @PUT
    @Path("/fever-clinics/{id}")
    Uni<Response> changeFeverClinic(@PathParam("id") String id, JsonNode clinic);

    @DELETE
    @Path("/fever-clinics/{id}")
    Uni<Response> removeFeverClinic(@PathParam("id") String id);

    @GET
    @Path("/public/figures")
    Uni<Response> publicFigures(@QueryParam("region") String region);

    @GET
    @Path("/rule-sets")
    Uni<Response> ruleSets();

    @POST
    @Path("/rule-sets")
    Uni<Response> publishRuleSet(JsonNode ruleSet);

    @POST
    @Path("/rule-sets/dry-run")
    Uni<Response> dryRun(JsonNode ruleSet);

    @POST
    @Path("/overrides")
    Uni<Response> propose(JsonNode proposal);

    /** The same call as {@link #propose(JsonNode)}, read to join it to an appeal's answer. */
    @POST
    @Path("/overrides")
    Uni<ObjectNode> proposeRead(JsonNode proposal);

    @GET
    @Path("/overrides")
    Uni<Response> overrides(@QueryParam("status") String status);

    @POST
    @Path("/overrides/{id}/{decision}")
    Uni<Response> decide(@PathParam("id") String id, @PathParam("decision") String decision, JsonNode note);
}
