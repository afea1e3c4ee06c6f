package org.healthcode.kit.governance;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.healthcode.kit.web.Caller;

/** A service's intake in small: a citizen's visit stored; and a read of how many the citizen has. */
@Path("/v1/probe/visits")
@RolesAllowed("citizen")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeProbe {

    private final Pool pool;
    private final SecurityIdentity identity;

    public IntakeProbe(Pool pool, SecurityIdentity identity) {
        this.pool = pool;
        this.identity = identity;
    }

    @POST
    @Intake
    public Uni<Response> visit() {
        return pool.preparedQuery("insert into probe_visit (at, subject_id) values ($1, $2)")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC), Caller.of(identity).subject()))
                .replaceWith(Response.status(201).build());
    }

    @GET
    public Uni<Long> count() {
        return pool.preparedQuery("select count(*) from probe_visit where subject_id = $1")
                .execute(Tuple.of(Caller.of(identity).subject())).map(rows -> rows.iterator().next().getLong(0));
    }
}
