package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.healthcode.gateway.contract.Organisations;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/** The organisations a resident joined (their employer's roster), with their consent, and leaving. */
@Path("/api/v1/me/organisations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Organisations", description = "Organisations resuming work, their approval and their daily roster")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class MembershipsResource {

    private final DeclarationClient declaration;

    public MembershipsResource(@RestClient DeclarationClient declaration) {
        this.declaration = declaration;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join an approved organisation with its invitation code and consent: true (without "
            + "consent, 400 and nothing changes); joining twice changes nothing")
    @APIResponse(responseCode = "201", description = "Joined",
            content = @Content(schema = @Schema(implementation = Organisations.Membership.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> join(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Organisations.JoinRequest.class),
                            example = ApiExamples.JOIN)) JsonNode join) {
        return Upstream.relay("declaration", declaration.join(join));
    }

    @GET
    @Operation(summary = "The organisations the caller joined")
    @APIResponse(responseCode = "200", description = "The organisations",
            content = @Content(schema = @Schema(implementation = Organisations.Memberships.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> list() {
        return Upstream.relay("declaration", declaration.memberships());
    }

    @DELETE
    @Path("/{organisationId}")
    @Operation(summary = "Leave an organisation: the caller's line is gone from its roster at once")
    @APIResponse(responseCode = "200", description = "Left; the organisations the caller is still in",
            content = @Content(schema = @Schema(implementation = Organisations.Memberships.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> leave(@PathParam("organisationId") String organisationId) {
        return Upstream.relay("declaration", declaration.leave(organisationId));
    }
}
