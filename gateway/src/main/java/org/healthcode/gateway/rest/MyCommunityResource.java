package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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
import org.healthcode.gateway.contract.Communities;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * The residential community a resident names, their own choice: its workers then see the resident's
 * masked name, colour and today's check-in. declaration-service checks the venue with its owner.
 */
@Path("/api/v1/me/community")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Communities", description = "Residential communities: the one a resident names, and who there "
        + "needs a knock")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class MyCommunityResource {

    private final DeclarationClient declaration;

    public MyCommunityResource(@RestClient DeclarationClient declaration) {
        this.declaration = declaration;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name the caller's residential community: a RESIDENTIAL_COMMUNITY venue of their province "
            + "(else 400 NOT_A_COMMUNITY or COMMUNITY_IN_ANOTHER_PROVINCE, 404 VENUE_NOT_FOUND, nothing changed); "
            + "naming another replaces it")
    @APIResponse(responseCode = "200", description = "Named",
            content = @Content(schema = @Schema(implementation = Communities.NamedCommunity.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> name(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Communities.CommunityChoice.class),
                            example = ApiExamples.COMMUNITY)) JsonNode community) {
        return Upstream.relay("declaration", declaration.nameCommunity(community));
    }

    @GET
    @Operation(summary = "The caller's residential community (null when none is named)")
    @APIResponse(responseCode = "200", description = "The community",
            content = @Content(schema = @Schema(implementation = Communities.NamedCommunity.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> named() {
        return Upstream.relay("declaration", declaration.community());
    }

    @DELETE
    @Operation(summary = "Leave one's community: gone from its workers' list at once (leaving none changes nothing)")
    @APIResponse(responseCode = "200", description = "Left: community null",
            content = @Content(schema = @Schema(implementation = Communities.NamedCommunity.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> leave() {
        return Upstream.relay("declaration", declaration.leaveCommunity());
    }
}
