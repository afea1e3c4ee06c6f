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
import org.healthcode.declaration.domain.AnswerForm;
import org.healthcode.declaration.domain.AppealValidator;
import org.healthcode.declaration.service.AppealService;
import org.healthcode.kit.web.Caller;

/** The health authority's side of appeals: its province's queue, and answering. */
@Path("/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("authority")
public class AppealQueueResource {

    private final AppealService appeals;
    private final SecurityIdentity identity;

    public AppealQueueResource(AppealService appeals, SecurityIdentity identity) {
        this.appeals = appeals;
        this.identity = identity;
    }

    /** {@code status} OPEN (default), UPHELD or REJECTED; {@code limit} 1–500, default 100. */
    @GET
    public Uni<QueuedAppeal.Items> queue(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        var queue = AppealValidator.queue(status, limit);
        return appeals.queue(caller.subject(), province, queue)
                .map(all -> new QueuedAppeal.Items(all.stream().map(QueuedAppeal::of).toList()));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AppealView> answer(@PathParam("id") String id, AnswerForm form) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        var answer = AppealValidator.answer(form);
        return appeals.answer(caller.subject(), province, id, answer).map(AppealView::of);
    }
}
