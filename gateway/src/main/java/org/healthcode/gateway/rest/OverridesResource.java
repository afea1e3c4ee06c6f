package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Four-eyes colour overrides: one authority proposes, a different one of the same province decides. */
@Path("/api/v1/overrides")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("authority")
@Tag(name = "Overrides", description = "Manual colours, proposed by one authority and approved by another")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class OverridesResource {

    private final RiskScoringClient riskScoring;

    public OverridesResource(@RestClient RiskScoringClient riskScoring) {
        this.riskScoring = riskScoring;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a colour for a subject with a justification and an end; it applies only "
            + "once a different authority approves, and the proposal expires otherwise")
    @APIResponse(responseCode = "201", description = "Proposed",
            content = @Content(schema = @Schema(implementation = Governance.ColourOverride.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> propose(@RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.OverrideProposal.class),
                            example = ApiExamples.OVERRIDE)) JsonNode proposal) {
        return Upstream.relay("risk-scoring", riskScoring.propose(proposal));
    }

    @GET
    @Operation(summary = "The province's overrides by status: PROPOSED, APPROVED, REJECTED or EXPIRED")
    @APIResponse(responseCode = "200", description = "The overrides",
            content = @Content(schema = @Schema(implementation = Governance.Overrides.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> list(@QueryParam("status") String status) {
        return Upstream.relay("risk-scoring", riskScoring.overrides(status));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve another authority's proposal: the colour applies (MANUAL_OVERRIDE) until its end")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = Governance.ColourOverride.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> approve(@PathParam("id") String id,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.OverrideDecision.class),
                            example = ApiExamples.OVERRIDE_DECISION)) JsonNode note) {
        return Upstream.relay("risk-scoring", riskScoring.decide(id, "approve", note));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject another authority's proposal")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = Governance.ColourOverride.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> reject(@PathParam("id") String id,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.OverrideDecision.class),
                            example = ApiExamples.OVERRIDE_DECISION)) JsonNode note) {
        return Upstream.relay("risk-scoring", riskScoring.decide(id, "reject", note));
    }
}
