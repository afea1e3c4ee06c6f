package org.healthcode.gateway.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
            "organisation");

    public record SessionView(@Schema(required = true) List<String> roles,
            @Schema(required = true, nullable = true, description = "Staff only") String province) {
    }

    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The caller's roles (citizen, checkpoint, authority, epidemiologist, admin, organisation) and, for staff, their province")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @APIResponse(responseCode = "200", description = "The caller's roles and province",
            content = @Content(schema = @Schema(implementation = SessionResource.SessionView.class)))
    public SessionView session() {
        return new SessionView(ROLES.stream().filter(identity::hasRole).toList(), Caller.of(identity).province());
    }
}
