package org.healthcode.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RealInfraIT {

    @Test
    void startsAWorkingBrokerAndDatabaseAndStopsThemCompletely() throws Exception {
        RealInfra infra = RealInfra.startFresh();
        long brokerPid = infra.kafka().pid();
        try {
            assertTrue(accepts(infra.kafka().port()), "broker listens");
            try (Connection connection = DriverManager.getConnection(infra.postgres().jdbcUrl(), Postgres.USER, "");
                    ResultSet rows = connection.createStatement().executeQuery("select 40 + 2")) {
                rows.next();
                assertEquals(42, rows.getInt(1));
            }
        } finally {
            infra.stop();
        }
        assertFalse(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false), "broker JVM gone");
        assertFalse(accepts(infra.kafka().port()), "broker port closed");
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(infra.postgres().jdbcUrl(), Postgres.USER, "").close());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
