package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Governance;
import org.healthcode.gateway.upstream.RiskScoringClient;
import org.healthcode.gateway.upstream.Upstream;

/** The rules that turn facts into colours: versioned data per province, published ahead of time. */
@Path("/api/v1/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "Rule-set versions, their dry run and their publication ahead of time")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class RuleSetsResource {

    private final RiskScoringClient riskScoring;

    public RuleSetsResource(@RestClient RiskScoringClient riskScoring) {
        this.riskScoring = riskScoring;
    }

    @GET
    @RolesAllowed({"authority", "admin"})
    @Operation(summary = "The province's rule-set versions: ACTIVE, SCHEDULED or SUPERSEDED")
    @APIResponse(responseCode = "200", description = "The versions, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Governance.RuleSetVersion.class)))
    public Uni<Response> list() {
        return Upstream.relay("risk-scoring", riskScoring.ruleSets());
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "How many of the province's subjects a definition would turn from which colour to "
            + "which, on current data; nothing is stored")
    @APIResponse(responseCode = "200", description = "What would change",
            content = @Content(schema = @Schema(implementation = Governance.DryRun.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> dryRun(@RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.DryRunRequest.class),
                            example = ApiExamples.DRY_RUN)) JsonNode ruleSet) {
        return Upstream.relay("risk-scoring", riskScoring.dryRun(ruleSet));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "Publish a new version, effective no sooner than the lead time (default 24 h); at its "
            + "effective time everyone in the province is evaluated again")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = Governance.PublishedRuleSet.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> publish(@RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.RuleSetPublication.class),
                            example = ApiExamples.RULE_SET)) JsonNode ruleSet) {
        return Upstream.relay("risk-scoring", riskScoring.publishRuleSet(ruleSet));
    }
}
