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
}
