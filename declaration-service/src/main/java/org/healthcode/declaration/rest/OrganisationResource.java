package org.healthcode.declaration.rest;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.healthcode.declaration.domain.OrganisationForm;
import org.healthcode.declaration.domain.OrganisationStatus;
import org.healthcode.declaration.domain.OrganisationValidator;
import org.healthcode.declaration.domain.Violations;
import org.healthcode.declaration.service.OrganisationService;
import org.healthcode.declaration.service.ProvinceCalendar;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.web.Caller;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Organisations: their staff (role {@code organisation}, with a {@code province} claim) register one
 * and read its roster; an authority of the organisation's province approves it.
 */
@Path("/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final OrganisationService organisations;
    private final ProvinceCalendar calendar;
    private final SecurityIdentity identity;

    public OrganisationResource(OrganisationService organisations, ProvinceCalendar calendar,
            SecurityIdentity identity) {
        this.organisations = organisations;
        this.calendar = calendar;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("organisation")
    @ResponseStatus(201)
    @Intake
    public Uni<OrganisationView> register(OrganisationForm form) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        var registration = OrganisationValidator.registration(form);
        return organisations.register(caller.subject(), province, registration).map(OrganisationView::of);
    }

    @GET
    @Path("/mine")
    @RolesAllowed("organisation")
    public Uni<OrganisationView> mine() {
        return organisations.mine(Caller.of(identity).subject()).map(OrganisationView::of);
    }

    @GET
    @Path("/mine/roster")
    @RolesAllowed("organisation")
    public Uni<RosterView> roster() {
        return organisations.roster(Caller.of(identity).subject())
                .map(roster -> RosterView.of(roster, calendar.today()));
    }

    /** {@code status} PENDING (default) or APPROVED; {@code limit} 1–500, default 100. */
    @GET
    @RolesAllowed("authority")
    public Uni<OrganisationView.Items> queue(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        Violations problems = new Violations();
        OrganisationStatus wanted = status == null ? OrganisationStatus.PENDING
                : problems.oneOf(OrganisationStatus.class, status, "status");
        int max = problems.limit(limit, "limit", DEFAULT_LIMIT, MAX_LIMIT);
        problems.throwIfAny();
        return organisations.queue(province, wanted, max)
                .map(all -> new OrganisationView.Items(all.stream().map(OrganisationView::of).toList()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed("authority")
    public Uni<OrganisationView> approve(@PathParam("id") String id) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        return organisations.approve(caller.subject(), province, id).map(OrganisationView::of);
    }
}
