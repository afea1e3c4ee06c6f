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

    private final EmbeddedPostgres server;
    private final Map<String, DatabaseLogin> logins = new HashMap<>();

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a server; with a data folder its data outlives the process, else it is thrown away. */
    public static Postgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    // which statements cost what (a benchmark prints the top ones: TopStatements)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            Postgres postgres = new Postgres(builder.start());
            postgres.requirePasswords();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not start", e);
        }
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
        return server.getPort();
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
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
