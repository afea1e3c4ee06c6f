package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.healthcode.gateway.service.AppealAnswers;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/** Citizens' appeals against a colour, answered by their province's health authority. */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("authority")
@Tag(name = "Appeals",
        description = "The authority's queue of appeals and its answers")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class AppealsResource {

    private final DeclarationClient declaration;
    private final AppealAnswers answers;

    public AppealsResource(@RestClient DeclarationClient declaration, AppealAnswers answers) {
        this.declaration = declaration;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "The province's appeals (status OPEN, UPHELD or REJECTED; limit 1-500, default 100), "
            + "oldest first; each read is audited")
    @APIResponse(responseCode = "200", description = "The appeals",
            content = @Content(schema = @Schema(implementation = Governance.QueuedAppeals.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> queue(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        return Upstream.relay("declaration", declaration.appeals(status, limit));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer an appeal: UPHELD or REJECTED with a note. An upheld appeal may carry "
            + "override {colour, until}: a proposal that a second authority must approve. The appeal stays "
            + "answered even if the proposal is refused; propose again with POST /overrides.")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = Governance.AnsweredAppeal.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<ObjectNode> answer(@PathParam("id") String id,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.AppealVerdict.class),
                            example = ApiExamples.APPEAL_ANSWER)) JsonNode answer) {
        return answers.answer(id, answer);
    }
}
