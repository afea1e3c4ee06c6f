package org.healthcode.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.PublicHealth;
import org.healthcode.gateway.upstream.RiskScoringClient;
import org.healthcode.gateway.upstream.Upstream;

/** A region's public epidemic figures, without a token; risk-scoring's Cache-Control is relayed. */
@Path("/api/v1/public/figures")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public health", description = "Fever clinics and a region's epidemic figures, open without a token")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class PublicFiguresResource {

    private final RiskScoringClient riskScoring;

    public PublicFiguresResource(@RestClient RiskScoringClient riskScoring) {
        this.riskScoring = riskScoring;
    }

    @GET
    @Operation(summary = "A region's risk level, cases today and over 7 days, and codes by colour; counts from 1 "
            + "to 9 only as fewer than 10 (no token needed; cached for a minute)")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = PublicHealth.Figures.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> of(@Parameter(description = "GB/T 2260 code of a county, city or province", example = "330100",
            required = true) @QueryParam("region") String region) {
        return Upstream.relay("risk-scoring", riskScoring.publicFigures(region));
    }
}
