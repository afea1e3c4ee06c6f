package org.healthcode.kit.governance;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.kit.web.ApiError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The end of the emergency in this service: recorded once by an admin (the gateway asks every
 * service), from then every {@link Intake} method is refused with 409 EMERGENCY_ENDED before it
 * runs, and the destruction may run. The record is in the service's own database, so every
 * instance of the service sees it, whichever instance the admin reached.
 */
@ApplicationScoped
public class EmergencyEnd {

    private static final Logger LOG = Logger.getLogger(EmergencyEnd.class);

    public static final String ENDED = "EMERGENCY_ENDED";
    public static final String NOT_ENDED = "EMERGENCY_NOT_ENDED";

    /** Whether the emergency has ended in the service, when and by which admin account (null while it goes on). */
    public record State(String service, boolean ended, Instant endedAt, String endedBy) {
    }

    private final Pool pool;
    private final Clock clock;
    private final String service;
    private final Map<Method, Boolean> intake = new ConcurrentHashMap<>();

    public EmergencyEnd(Pool pool, Clock clock, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.pool = pool;
        this.clock = clock;
        this.service = service;
    }

    /**
     * The state, from the database each time (one row by its key): every instance sees the end the
     * moment it is recorded, whichever instance recorded it.
     */
    public Uni<State> state() {
        return pool.query("select ended_at, ended_by from emergency_end where id = 1").execute()
                .map(this::read);
    }

    /**
     * Ends the emergency in this service, written to its audit trail; ending it again answers the
     * first record and changes nothing.
     */
    public Uni<State> end(String actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery(
                        "insert into emergency_end (id, ended_at, ended_by) values (1, $1, $2) on conflict (id) do nothing")
                .execute(Tuple.of(now, actor))
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem() : connection.preparedQuery(
                                "insert into audit_entry (at, actor, action, outcome, detail) "
                                        + "values ($1, $2, 'EMERGENCY_ENDED', 'DONE', 'new intake refused from now on')")
                        .execute(Tuple.of(now, actor))
                        .invoke(() -> LOG.warn("End of emergency: new intake refused from now on"))
                        .replaceWithVoid()))
                .chain(this::state);
    }

    /** Refuses a request to an {@link Intake} method once the emergency has ended; lets anything else by. */
    @ServerRequestFilter
    public Uni<Response> refuseIntakeAfterTheEnd(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !intake.computeIfAbsent(method, EmergencyEnd::isIntake)) {
            return Uni.createFrom().nullItem();
        }
        return state().map(state -> state.ended() ? Response.status(409).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(ENDED, "The emergency ended at " + state.endedAt() + ": this service takes no "
                        + "new registrations, declarations, check-ins, scans or reports. Nothing was stored."))
                .build() : null);
    }

    private State read(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return new State(service, false, null, null);
        }
        Row row = rows.iterator().next();
        return new State(service, true, row.getOffsetDateTime("ended_at").toInstant(), row.getString("ended_by"));
    }

    private static boolean isIntake(Method method) {
        return method.isAnnotationPresent(Intake.class) || method.getDeclaringClass().isAnnotationPresent(Intake.class);
    }
}
