package org.healthcode.declaration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.declaration.domain.CommunityForm;
import org.healthcode.declaration.service.CommunityService;
import org.healthcode.kit.governance.Intake;

/** The residential community a guardian names for one of their dependents, and leaving it. */
@Path("/v1/persons/me/dependents/{dependentId}/community")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class DependentCommunityResource {

    private final CommunityService communities;
    private final JsonWebToken caller;

    public DependentCommunityResource(CommunityService communities, JsonWebToken caller) {
        this.communities = communities;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Intake
    public Uni<CommunityView> name(@PathParam("dependentId") String dependentId, CommunityForm form) {
        return communities.name(caller.getSubject(), dependentId, form == null ? null : form.venueId())
                .map(CommunityView::of);
    }

    @GET
    public Uni<CommunityView> named(@PathParam("dependentId") String dependentId) {
        return communities.named(caller.getSubject(), dependentId).map(CommunityView::of);
    }

    /** Leaves at once; answers {@code community: null}. */
    @DELETE
    public Uni<CommunityView> leave(@PathParam("dependentId") String dependentId) {
        return communities.leave(caller.getSubject(), dependentId).map(nothing -> CommunityView.none());
    }
}
