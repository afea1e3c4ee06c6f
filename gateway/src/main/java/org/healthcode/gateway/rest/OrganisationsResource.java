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
import org.healthcode.gateway.contract.Organisations;
import org.healthcode.gateway.service.OrganisationRoster;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * Organisations resuming work: their staff register one and read its daily roster; an authority of
 * the organisation's province approves it. declaration-service decides who may do which.
 */
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Organisations resuming work, their approval and their daily roster")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class OrganisationsResource {

    private final DeclarationClient declaration;
    private final OrganisationRoster roster;

    public OrganisationsResource(@RestClient DeclarationClient declaration, OrganisationRoster roster) {
        this.declaration = declaration;
        this.roster = roster;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("organisation")
    @Operation(summary = "Register the caller's organisation (one per staff account), pending approval by an "
            + "authority of its province: the region of registration in its code, which must be the caller's")
    @APIResponse(responseCode = "201", description = "Registered, pending",
            content = @Content(schema = @Schema(implementation = Organisations.Organisation.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> register(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Organisations.OrganisationRegistration.class),
                            example = ApiExamples.ORGANISATION)) JsonNode registration) {
        return Upstream.relay("declaration", declaration.registerOrganisation(registration));
    }

    @GET
    @Path("/mine")
    @RolesAllowed("organisation")
    @Operation(summary = "The caller's organisation, with its invitation code once approved")
    @APIResponse(responseCode = "200", description = "The organisation",
            content = @Content(schema = @Schema(implementation = Organisations.Organisation.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> mine() {
        return Upstream.relay("declaration", declaration.myOrganisation());
    }

    @GET
    @Path("/mine/roster")
    @RolesAllowed("organisation")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Operation(summary = "Today's roster of the caller's organisation: each person who joined, masked, with "
            + "colour, gold and whether today's declaration and check-in are done; every read is audited")
    @APIResponse(responseCode = "200", description = "The roster",
            content = @Content(schema = @Schema(implementation = Organisations.Roster.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ObjectNode> roster() {
        return roster.roster();
    }

    @GET
    @RolesAllowed("authority")
    @Operation(summary = "The province's organisations (status PENDING (default) or APPROVED; limit 1-500, "
            + "default 100), oldest first")
    @APIResponse(responseCode = "200", description = "The organisations",
            content = @Content(schema = @Schema(implementation = Organisations.OrganisationList.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> queue(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        return Upstream.relay("declaration", declaration.organisations(status, limit));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed("authority")
    @Operation(summary = "Approve an organisation of the caller's province (audited): it gets its invitation code")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = Organisations.Organisation.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> approve(@PathParam("id") String id) {
        return Upstream.relay("declaration", declaration.approveOrganisation(id));
    }
}
