package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.healthcode.gateway.contract.Codes;
import org.healthcode.gateway.service.CodeVerification;

@Path("/api/v1/codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checkpoint", description = "Verifying a health code at an entrance")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CodesResource {

    private final CodeVerification verification;

    public CodesResource(CodeVerification verification) {
        this.verification = verification;
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"checkpoint", "authority"})
    @Operation(summary = "Verify a code's token: valid?, reason, current colour, gold, masked name, province")
    @APIResponse(responseCode = "200", description = "The verdict (an invalid code is a 200 with valid false)",
            content = @Content(schema = @Schema(implementation = Codes.Verification.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<ObjectNode> verify(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Codes.CodeToVerify.class),
                            example = ApiExamples.VERIFICATION)) JsonNode request) {
        return verification.verify(request);
    }
}
