package org.healthcode.declaration.rest;

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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.declaration.domain.JoinForm;
import org.healthcode.declaration.domain.OrganisationValidator;
import org.healthcode.declaration.service.OrganisationService;
import org.healthcode.kit.governance.Intake;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The organisations a citizen joined: joining with an invitation code and consent, and leaving. */
@Path("/v1/persons/me/organisations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MembershipResource {

    private final OrganisationService organisations;
    private final JsonWebToken caller;

    public MembershipResource(OrganisationService organisations, JsonWebToken caller) {
        this.organisations = organisations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Intake
    public Uni<MembershipView> join(JoinForm form) {
        String code = OrganisationValidator.join(form);
        return organisations.join(caller.getSubject(), code).map(MembershipView::of);
    }

    @GET
    public Uni<MembershipView.Items> list() {
        return organisations.joined(caller.getSubject())
                .map(all -> new MembershipView.Items(all.stream().map(MembershipView::of).toList()));
    }

    /** Leaves at once; answers the organisations the person is still in. */
    @DELETE
    @Path("/{organisationId}")
    public Uni<MembershipView.Items> leave(@PathParam("organisationId") String organisationId) {
        return organisations.leave(caller.getSubject(), organisationId).chain(() -> list());
    }
}
