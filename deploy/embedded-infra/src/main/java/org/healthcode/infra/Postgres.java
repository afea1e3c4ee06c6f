package org.healthcode.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL server from zonky's embedded binaries. It runs as root too (zonky drops
 * privileges with {@code unshare -U}), so tests and the local launcher need nothing installed.
 *
 * <p>Like a production cluster's operator, it makes each service's own role ({@link DatabaseRoles})
 * and checks its password: the superuser {@code postgres} connects from this machine without one
 * (the tests' own assertions, benchmarks' bulk loads, the launcher), every other role with its
 * password (SCRAM).
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    /** Who may connect how: zonky's initdb trusts everyone; here only the superuser is trusted. */
    static final String HBA = """
            # Written by the health code platform's embedded PostgreSQL at every start.
            # The superuser, from this machine only, without a password; every other role with its password.
            local all postgres               trust
            host  all postgres 127.0.0.1/32  trust
            host  all postgres ::1/128       trust
            local all all                    scram-sha-256
            host  all all      127.0.0.1/32  scram-sha-256
            host  all all      ::1/128       scram-sha-256
            """;

    private final Path dataDirectory;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres server;
    private final Map<String, DatabaseLogin> logins = new HashMap<>();

    private Postgres(Path dataDirectory, int port, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durable = durable;
    }

    /** Starts a server; with a data folder its data outlives the process (and every write is synced), else it is thrown away. */
    public static Postgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, dataDirectory != null);
    }

    /**
     * Starts a server whose data is kept in {@code dataDirectory}, so that it can be stopped and
     * started again ({@link #stop()}, {@link #startAgain()}); {@code durable} syncs every write
     * (the local launcher), off for tests, which throw the data away.
     */
    public static Postgres start(Path dataDirectory, int port, boolean durable) {
        Postgres postgres = new Postgres(dataDirectory, port, durable);
        postgres.startAgain();
        return postgres;
    }

    /** Starts the server again on its port and data folder, after {@link #stop()}: everything committed is there. */
    public synchronized void startAgain() {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL is running");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    // which statements cost what (a benchmark prints the top ones: TopStatements)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            server = builder.start();
            requirePasswords();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not start", e);
        }
    }

    /**
     * Stops the server as an operator would (a fast shutdown: connections cut, transactions rolled
     * back), keeping its data folder for {@link #startAgain()}. Only for a server with a data folder.
     */
    public synchronized void stop() {
        if (dataDirectory == null) {
            throw new IllegalStateException("a server without a data folder cannot start again");
        }
        close();
    }

    private void requirePasswords() {
        try (Connection connection = superuser(); Statement sql = connection.createStatement()) {
            Path hba;
            try (ResultSet file = sql.executeQuery("SHOW hba_file")) {
                file.next();
                hba = Path.of(file.getString(1));
            }
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                sql.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("PostgreSQL: could not set who may connect", e);
        }
    }

    /** A connection as the superuser: for making roles, and for tests that look at every schema. */
    public Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /**
     * The login of the service owning {@code schema}: the role is made on first ask, with a fresh
     * password, as an operator makes it for a new service; later asks get the same login.
     */
    public synchronized DatabaseLogin serviceLogin(String schema) {
        DatabaseLogin known = logins.get(schema);
        return known != null ? known : ensureRole(DatabaseLogin.generate(schema));
    }

    /**
     * Makes or updates the role of {@code login} (see {@link DatabaseRoles#ensure}): the local
     * launcher keeps each service's password across restarts; a new password here rotates it.
     */
    public synchronized DatabaseLogin ensureRole(DatabaseLogin login) {
        try (Connection connection = superuser()) {
            DatabaseRoles.ensure(connection, login);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: could not make the role " + login.user(), e);
        }
        logins.put(login.user(), login);
        return login;
    }

    public int port() {
        return port;
    }

    /** Host and port as the reactive and JDBC URLs want them. */
    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://" + hostAndPort() + "/" + DATABASE;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }
}
