package org.healthcode.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from zonky's embedded binaries. It runs as root too (zonky drops
 * privileges with {@code unshare -U}), so tests and the local launcher need nothing installed.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;

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
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new Postgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not start", e);
        }
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
