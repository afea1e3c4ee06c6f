package org.healthcode.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.Reason;
import org.healthcode.risk.domain.ReasonCode;
import org.healthcode.risk.repository.RiskStateRow;
import org.healthcode.risk.repository.StoredReasons;
import org.junit.jupiter.api.Test;

/** A subject's active reasons go into the jsonb column {@code risk_state.reasons} and come back the same. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class RiskStateReasonsIT {

    @Inject
    Pool pool;

    @Test
    void reasonsRoundTripThroughTheDatabase() throws Throwable {
        String subject = Declarations.newSubjectId();
        List<Reason> reasons = List.of(
                new Reason(ReasonCode.CLOSE_CONTACT, Colour.RED, Instant.parse("2026-12-01T08:00:00.123456Z"),
                        Instant.parse("2026-12-15T16:00:00Z")),
                new Reason(ReasonCode.SYMPTOMS, Colour.YELLOW, Instant.parse("2026-12-02T09:30:00Z"), null));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            RiskStateRow row = new RiskStateRow();
            row.subjectId = subject;
            row.reasons = new StoredReasons(reasons);
            return row.persist();
        }));

        assertEquals(reasons, read(subject).reasons.reasons());
        Row stored = pool.preparedQuery("select pg_typeof(reasons)::text as type, jsonb_array_length(reasons -> 'reasons') as n,"
                + " reasons -> 'reasons' -> 0 ->> 'code' as code, reasons -> 'reasons' -> 0 ->> 'since' as since,"
                + " (select jsonb_agg(k order by k) from jsonb_object_keys(reasons -> 'reasons' -> 0) k)::text as keys"
                + " from risk_scoring.risk_state where subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertEquals("jsonb", stored.getString("type"));
        assertEquals(2, stored.getInteger("n"));
        assertEquals("CLOSE_CONTACT", stored.getString("code"));
        assertEquals("2026-12-01T08:00:00.123456Z", stored.getString("since"), "instants as ISO-8601 text");
        assertEquals("[\"code\", \"colour\", \"since\", \"until\"]", stored.getString("keys"), "the record's components");

        // What the service wrote as text before the column was jsonb reads the same once V5 converted it.
        pool.preparedQuery("update risk_scoring.risk_state set reasons = jsonb_build_object('reasons', cast($1 as text)::jsonb)"
                + " where subject_id = $2")
                .execute(Tuple.of("[{\"code\":\"SYMPTOMS\",\"colour\":\"YELLOW\",\"since\":\"2026-12-02T09:30:00Z\","
                        + "\"until\":null,\"timed\":false}]", subject))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(reasons.get(1)), read(subject).reasons.reasons());

        // A subject never evaluated has no reasons.
        String fresh = Declarations.newSubjectId();
        pool.preparedQuery("insert into risk_scoring.risk_state (subject_id) values ($1)").execute(Tuple.of(fresh))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(), read(fresh).reasons.reasons());
    }

    private static RiskStateRow read(String subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Panache.getSession().chain(session -> session.find(RiskStateRow.class, subject))));
    }
}
