package org.healthcode.kit.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aServerRefusingGoneOrGoingIsAnOutage() {
        assertTrue(DatabaseOutage.isCause(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(ClosedConnectionException.INSTANCE)));
        assertTrue(DatabaseOutage.isCause(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(DatabaseOutage.isCause(new PgException("the database system is starting up", "FATAL", "57P03", null)));
        assertTrue(DatabaseOutage.isCause(new PgException("connection failure", "FATAL", "08006", null)));
    }

    @Test
    void aRefusalOfTheWorkItselfIsNot() {
        assertFalse(DatabaseOutage.isCause(new PgException("violates check constraint", "ERROR", "23514", null)));
        assertFalse(DatabaseOutage.isCause(new PgException("relation does not exist", "ERROR", "42P01", null)));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bad")));
        assertFalse(DatabaseOutage.isCause(null));
    }

    @Test
    void workIsTriedAgainWhileTheDatabaseIsAwayAndOtherFailuresPassThrough() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        String done = DatabaseOutage.<String>retried("test", () -> attempts.incrementAndGet() < 3
                ? io.smallrye.mutiny.Uni.createFrom().failure(new ConnectException("refused"))
                : io.smallrye.mutiny.Uni.createFrom().item("applied")).await().indefinitely();
        org.junit.jupiter.api.Assertions.assertEquals("applied", done);
        org.junit.jupiter.api.Assertions.assertEquals(3, attempts.get());

        attempts.set(0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> DatabaseOutage.<String>retried(
                "test", () -> {
                    attempts.incrementAndGet();
                    return io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("wrong"));
                }).await().indefinitely());
        org.junit.jupiter.api.Assertions.assertEquals(1, attempts.get(), "not an outage: not tried again");
    }
}
