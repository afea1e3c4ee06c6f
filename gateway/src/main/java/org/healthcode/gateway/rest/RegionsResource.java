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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Governance;
import org.healthcode.gateway.upstream.RiskScoringClient;
import org.healthcode.gateway.upstream.Upstream;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "High- and medium-risk regions set by the health authority")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
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
    @APIResponse(responseCode = "200", description = "Set",
            content = @Content(schema = @Schema(implementation = Governance.RegionRisk.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> setRisk(
            @PathParam("code") String regionCode,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.RegionRiskChange.class),
                            example = ApiExamples.REGION_RISK)) JsonNode level) {
        return Upstream.relay("risk-scoring", riskScoring.setRegionRisk(regionCode, level));
    }

    @GET
    @Path("/risk")
    @Authenticated
    @Operation(summary = "Regions currently at HIGH or MEDIUM risk")
    @APIResponse(responseCode = "200", description = "The regions at risk",
            content = @Content(schema = @Schema(implementation = Governance.RegionRisks.class)))
    public Uni<Response> risks() {
        return Upstream.relay("risk-scoring", riskScoring.regionRisks());
    }
}
