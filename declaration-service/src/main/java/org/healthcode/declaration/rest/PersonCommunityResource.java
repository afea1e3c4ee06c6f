package org.healthcode.declaration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.declaration.domain.CommunityForm;
import org.healthcode.declaration.service.CommunityService;
import org.healthcode.kit.governance.Intake;

/** The residential community a citizen names for themselves, and leaving it. */
@Path("/v1/persons/me/community")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class PersonCommunityResource {

    private final CommunityService communities;
    private final JsonWebToken caller;

    public PersonCommunityResource(CommunityService communities, JsonWebToken caller) {
        this.communities = communities;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Intake
    public Uni<CommunityView> name(CommunityForm form) {
        return communities.name(caller.getSubject(), null, form == null ? null : form.venueId())
                .map(CommunityView::of);
    }

    @GET
    public Uni<CommunityView> named() {
        return communities.named(caller.getSubject(), null).map(CommunityView::of);
    }

    /** Leaves at once; answers {@code community: null}. */
    @DELETE
    public Uni<CommunityView> leave() {
        return communities.leave(caller.getSubject(), null).map(nothing -> CommunityView.none());
    }
}
