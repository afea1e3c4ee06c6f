package org.healthcode.declaration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.declaration.domain.Violations;
import org.healthcode.declaration.service.CommunityService;
import org.healthcode.kit.web.Caller;

/**
 * A community worker's list of the residents of one of their communities. A worker (role
 * {@code community}) carries a {@code province} claim like all staff and a {@code communities} claim:
 * the venue ids of the communities they serve (a Keycloak user attribute, like the province).
 */
@Path("/v1/communities/{venueId}/residents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("community")
public class CommunityResource {

    /** The token claim listing the worker's communities (venue ids). */
    public static final String COMMUNITIES_CLAIM = "communities";

    private final CommunityService communities;
    private final SecurityIdentity identity;

    public CommunityResource(CommunityService communities, SecurityIdentity identity) {
        this.communities = communities;
        this.identity = identity;
    }

    /** {@code export=true} when the list is read for a CSV export (audited as such). */
    @GET
    public Uni<CommunityResidentsView> residents(@PathParam("venueId") String venueId,
            @QueryParam("export") String export) {
        Violations problems = new Violations();
        if (export != null && !export.equals("true") && !export.equals("false")) {
            problems.add("export", "must be true or false");
        }
        problems.throwIfAny();
        boolean exported = "true".equals(export);
        return communities.residents(Caller.of(identity), communities(identity), venueId, exported)
                .map(CommunityResidentsView::of);
    }

    /** The venue ids in the caller's {@code communities} claim (an array, or one string), in canonical form. */
    static Set<String> communities(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(COMMUNITIES_CLAIM) : null;
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                values.add(value instanceof JsonString text ? text.getString() : value.toString());
            }
        } else if (claim instanceof JsonString text) {
            values.add(text.getString());
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim != null) {
            values.addAll(List.of(claim.toString().split("[,\\s]+")));
        }
        Set<String> ids = new HashSet<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value.strip().replace("\"", "")).toString());
            } catch (IllegalArgumentException e) {
                // not a venue id: serves nothing
            }
        }
        return ids;
    }
}
