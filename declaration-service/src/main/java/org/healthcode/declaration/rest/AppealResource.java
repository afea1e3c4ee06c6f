package org.healthcode.declaration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthcode.declaration.domain.AppealForm;
import org.healthcode.declaration.domain.AppealValidator;
import org.healthcode.declaration.service.AppealService;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.web.Caller;
import org.jboss.resteasy.reactive.ResponseStatus;

/** A citizen's appeals against their own colour or a dependent's, and the authority's answers. */
@Path("/v1/persons/me/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class AppealResource {

    private final AppealService appeals;
    private final SecurityIdentity identity;

    public AppealResource(AppealService appeals, SecurityIdentity identity) {
        this.appeals = appeals;
        this.identity = identity;
    }

    @POST
    @ResponseStatus(201)
    @Intake
    public Uni<AppealView> file(AppealForm form) {
        var filing = AppealValidator.filing(form);
        return appeals.file(Caller.of(identity).subject(), filing).map(AppealView::of);
    }

    @GET
    public Uni<AppealView.Items> list() {
        return appeals.mine(Caller.of(identity).subject())
                .map(all -> new AppealView.Items(all.stream().map(AppealView::of).toList()));
    }
}
