package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.RiskScoringClient;
import org.healthcode.gateway.upstream.Upstream;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "High- and medium-risk regions set by the health authority")
public class RegionsResource {

    private final RiskScoringClient riskScoring;

    public RegionsResource(@RestClient RiskScoringClient riskScoring) {
        this.riskScoring = riskScoring;
    }

    @PUT
    @Path("/{code}/risk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "Set a region's risk level: HIGH, MEDIUM or LOW")
    public Uni<Response> setRisk(
            @PathParam("code") String regionCode,
            @RequestBody(content = @Content(example = ApiExamples.REGION_RISK)) JsonNode level) {
        return Upstream.relay("risk-scoring", riskScoring.setRegionRisk(regionCode, level));
    }

    @GET
    @Path("/risk")
    @Authenticated
    @Operation(summary = "Regions currently at HIGH or MEDIUM risk")
    public Uni<Response> risks() {
        return Upstream.relay("risk-scoring", riskScoring.regionRisks());
    }
}
