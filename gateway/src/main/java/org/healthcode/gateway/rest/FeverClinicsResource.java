package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.PublicHealth;
import org.healthcode.gateway.upstream.RiskScoringClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * The fever clinics directory: anyone looks clinics up by region without a token (application.properties
 * opens these paths); an authority keeps its own province's clinics (risk-scoring checks the province).
 */
@Path("/api/v1/fever-clinics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public health", description = "Fever clinics and a region's epidemic figures, open without a token")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class FeverClinicsResource {

    private final RiskScoringClient riskScoring;

    public FeverClinicsResource(@RestClient RiskScoringClient riskScoring) {
        this.riskScoring = riskScoring;
    }

    @GET
    @PermitAll
    @Operation(summary = "Fever clinics of a county, or of every county within a city or province (no token needed)")
    @APIResponse(responseCode = "200", description = "The clinics, by region and name",
            content = @Content(schema = @Schema(implementation = PublicHealth.FeverClinics.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> within(@Parameter(description = "GB/T 2260 code", example = "330106", required = true)
            @QueryParam("region") String region) {
        return Upstream.relay("risk-scoring", riskScoring.feverClinics(region));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "Add a fever clinic in the authority's province")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = PublicHealth.FeverClinic.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> add(@RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PublicHealth.FeverClinicForm.class),
                    example = ApiExamples.FEVER_CLINIC)) JsonNode clinic) {
        return Upstream.relay("risk-scoring", riskScoring.addFeverClinic(clinic));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "Change a fever clinic of the authority's province")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = PublicHealth.FeverClinic.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> change(@PathParam("id") String id, @RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PublicHealth.FeverClinicForm.class),
                    example = ApiExamples.FEVER_CLINIC)) JsonNode clinic) {
        return Upstream.relay("risk-scoring", riskScoring.changeFeverClinic(id, clinic));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("authority")
    @Operation(summary = "Remove a fever clinic of the authority's province")
    @APIResponse(responseCode = "200", description = "Removed: the clinic as it was",
            content = @Content(schema = @Schema(implementation = PublicHealth.FeverClinic.class)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> remove(@PathParam("id") String id) {
        return Upstream.relay("risk-scoring", riskScoring.removeFeverClinic(id));
    }
}
