package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.healthcode.gateway.contract.Communities;
import org.healthcode.gateway.service.CommunityResidents;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * A community worker's residents to knock on. The worker's token carries role {@code community}, a
 * {@code province} and the venue ids of their communities ({@code communities}); declaration-service
 * decides which lists they may read.
 */
@Path("/api/v1/community/{venueId}")
@RolesAllowed("community")
@Tag(name = "Communities", description = "Residential communities: the one a resident names, and who there "
        + "needs a knock")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CommunityResource {

    private final CommunityResidents residents;

    public CommunityResource(CommunityResidents residents) {
        this.residents = residents;
    }

    @GET
    @Path("/residents")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Operation(summary = "The residents of one of the caller's communities who need a knock today: yellow or red, "
            + "or a day's check-in missed (all=true: everyone, with attention false for the others); masked, "
            + "every read audited; another community is 403 NOT_YOUR_COMMUNITY")
    @APIResponse(responseCode = "200", description = "The residents",
            content = @Content(schema = @Schema(implementation = Communities.Residents.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<ObjectNode> residents(@PathParam("venueId") String venueId, @QueryParam("all") String all) {
        return residents.list(venueId, flag(all), false);
    }

    @GET
    @Path("/residents.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "The same lines as CSV, a header row first: maskedName,colour,checkin,dependent,attention; "
            + "audited as an export")
    @APIResponse(responseCode = "200", description = "One resident a line after the header",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<Response> csv(@PathParam("venueId") String venueId, @QueryParam("all") String all) {
        boolean everyone = flag(all);
        return residents.list(venueId, everyone, true).map(list -> Response.ok(CommunityResidents.csv(list))
                .type("text/csv;charset=UTF-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + CommunityResidents.fileName(venueId) + "\"")
                .build());
    }

    private static boolean flag(String all) {
        if (all == null || all.equals("false")) {
            return false;
        }
        if (all.equals("true")) {
            return true;
        }
        throw ApiException.invalid(List.of(new ApiError.Detail("all", "must be true or false")));
    }
}
