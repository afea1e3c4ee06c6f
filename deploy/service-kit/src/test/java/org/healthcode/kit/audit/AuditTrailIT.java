package org.healthcode.kit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.infra.RealInfra;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AuditTrailIT {

    @Inject
    AuditTrail trail;
    @Inject
    Pool pool;

    @Test
    void readsRecordedAtTheSameMomentAreAllCommittedBeforeAnyoneIsAnsweredInFewerStatements() throws Throwable {
        String actor = "staff-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long statementsBefore = insertStatements();
        List<Uni<Void>> reads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            AuditEntry entry = new AuditEntry(at, actor, "MASKED_NAME_READ", Outcome.ALLOWED,
                    actor + "-read-" + i, null, "330000", null);
            reads.add(i % 3 == 0 ? trail.recordAll(List.of(entry)) : trail.record(entry));
        }
        VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(reads).andFailFast());

        // every caller was answered only after its line was committed: all 300 are there now
        assertEquals(300, count(actor));
        long statements = insertStatements() - statementsBefore;
        assertTrue(statements < 300, "300 lines recorded at once took " + statements + " statements");
    }

    @Test
    void aLineThePlatformCannotWriteFailsItsCallerAndTheNextLinesStillGo() throws Throwable {
        String actor = "staff-" + UUID.randomUUID();
        Throwable failed = null;
        try {
            // every line names its action: the table refuses one without
            VertxContextSupport.subscribeAndAwait(() -> trail.record(
                    new AuditEntry(Instant.now(), actor, null, Outcome.ALLOWED, null, null, null, null)));
        } catch (Throwable e) {
            failed = e;
        }
        assertTrue(failed != null, "a line without an action was answered as recorded");
        VertxContextSupport.subscribeAndAwait(() -> trail.record(
                new AuditEntry(Instant.now(), actor, "MASKED_NAME_READ", Outcome.ALLOWED, null, null, null, null)));
        assertEquals(1, count(actor));
    }

    private long count(String actor) {
        return pool.preparedQuery("select count(*) from audit_entry where actor = $1").execute(Tuple.of(actor))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long insertStatements() throws Exception {
        try (Connection connection = RealInfra.shared().postgres().superuser(); Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            var calls = sql.executeQuery(
                    "select coalesce(sum(calls), 0) from pg_stat_statements where query like 'insert into audit_entry%'");
            calls.next();
            return calls.getLong(1);
        }
    }
}
