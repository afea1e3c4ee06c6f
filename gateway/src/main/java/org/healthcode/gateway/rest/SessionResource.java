package org.healthcode.gateway.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.healthcode.kit.web.Caller;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * What the caller's token lets them do here, so that a page shows only the parts open to them. It
 * answers from the token alone and calls no service, which also makes it the benchmarks' bare
 * authenticated gateway call.
 */
@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Session", description = "The caller's roles and province, from their token")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class SessionResource {

    private static final List<String> ROLES = List.of("citizen", "checkpoint", "authority", "epidemiologist", "admin",
            "organisation", "community");

    public record SessionView(@Schema(required = true) List<String> roles,
            @Schema(required = true, nullable = true, description = "Staff only") String province,
            @Schema(required = true, description = "A community worker's communities (venue ids); empty for others")
            List<String> communities) {
    }

    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The caller's roles (citizen, checkpoint, authority, epidemiologist, admin, organisation, community) and, for staff, their province (and a community worker's communities)")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @APIResponse(responseCode = "200", description = "The caller's roles and province",
            content = @Content(schema = @Schema(implementation = SessionResource.SessionView.class)))
    public SessionView session() {
        return new SessionView(ROLES.stream().filter(identity::hasRole).toList(), Caller.of(identity).province(),
                identity.hasRole("community") ? communities() : List.of());
    }

    /** The {@code communities} claim: venue ids, as an array or one string. */
    private List<String> communities() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("communities") : null;
        List<String> ids = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> ids.add(value instanceof JsonString text ? text.getString() : value.toString()));
        } else if (claim instanceof JsonString text) {
            ids.addAll(List.of(text.getString().split("[,\\s]+")));
        } else if (claim != null) {
            ids.addAll(List.of(claim.toString().split("[,\\s]+")));
        }
        return ids.stream().filter(id -> id.matches("[0-9A-Fa-f-]{36}")).map(String::toLowerCase).distinct().toList();
    }
}
