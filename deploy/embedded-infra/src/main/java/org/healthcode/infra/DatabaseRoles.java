package org.healthcode.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Least privilege in the database: each data-owning service connects as its own role, which owns
 * the service's schema and nothing else. Made by the infrastructure, as a Kubernetes operator
 * (CloudNativePG's managed roles) makes it in production: here by the embedded PostgreSQL for tests
 * and the local launcher, from a superuser connection.
 *
 * <p>The role: {@code LOGIN} with its own password (stored as a SCRAM verifier computed on this
 * side, so the password never reaches the server's logs), named after the schema; not a superuser,
 * cannot create databases or roles, replicate or bypass row security, and is a member of no other
 * role. The schema and every object in it are owned by the role, which is all Flyway and the
 * services need: tables, partitions and their maintenance, triggers and plpgsql functions (a
 * trusted language), TRUNCATE in the end-of-emergency destruction are an owner's rights, and
 * {@code plan_cache_mode} and {@code healthcode.destroying} are settings any role may set; no
 * migration creates an extension or alters the system. Nothing in the schema is granted to anyone
 * else, so another service's role gets "permission denied for schema". No role but the superuser
 * may create objects in {@code public}.
 */
public final class DatabaseRoles {

    /** The data-owning services, in start order, each with the schema it owns ({@code healthcode.schema}). */
    public static final Map<String, String> SERVICE_SCHEMAS = orderedMap(
            "declaration-service", "declaration",
            "risk-scoring-service", "risk_scoring",
            "code-issuer-service", "code_issuer",
            "scan-checkpoint-service", "scan_checkpoint",
            "contact-trace-service", "contact_trace");

    /*
     * Objects made before the role existed (a schema the superuser migrated) pass to the role: tables
     * with their indexes, partitions and owned sequences, other sequences, functions and types.
     */
    private static final String ADOPT = """
            DO $adopt$
            DECLARE
                object RECORD;
            BEGIN
                FOR object IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                        WHERE c.relnamespace = '{name}'::regnamespace AND c.relowner <> '{name}'::regrole
                          AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LOOP
                    EXECUTE format('ALTER %s %s OWNER TO {id}', CASE object.relkind WHEN 'v' THEN 'VIEW'
                        WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, object.name);
                END LOOP;
                FOR object IN SELECT c.oid::regclass AS name FROM pg_class c
                        WHERE c.relnamespace = '{name}'::regnamespace AND c.relowner <> '{name}'::regrole
                          AND c.relkind = 'S' LOOP
                    EXECUTE format('ALTER SEQUENCE %s OWNER TO {id}', object.name);
                END LOOP;
                FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                        WHERE p.pronamespace = '{name}'::regnamespace AND p.proowner <> '{name}'::regrole LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO {id}', object.name);
                END LOOP;
                FOR object IN SELECT t.oid::regtype AS name, t.typtype FROM pg_type t
                        WHERE t.typnamespace = '{name}'::regnamespace AND t.typowner <> '{name}'::regrole
                          AND (t.typtype IN ('d', 'e', 'r')
                               OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')) LOOP
                    EXECUTE format('ALTER %s %s OWNER TO {id}',
                        CASE object.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, object.name);
                END LOOP;
            END
            $adopt$""";

    private DatabaseRoles() {
    }

    /**
     * Makes the role and its schema, or brings them back to the state above; safe to run at every
     * start. An existing role gets {@code login}'s password: changing the password kept for a
     * service and running this again is how its password is rotated. {@code superuser} is a
     * connection as a superuser; it is left as it was found.
     */
    public static void ensure(Connection superuser, DatabaseLogin login) throws SQLException {
        String role = quoted(login.user());
        boolean autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(false);
        try (Statement sql = superuser.createStatement()) {
            // Two launchers, or two test JVMs, on one server make the same roles one after the other.
            sql.execute("SELECT pg_advisory_xact_lock(hashtext('healthcode.database_roles'))");
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
            sql.execute((exists(superuser, login.user()) ? "ALTER ROLE " : "CREATE ROLE ") + role + attributes);
            for (String granted : memberships(superuser, login.user())) {
                sql.execute("REVOKE " + quoted(granted) + " FROM " + role);
            }
            superuser.unwrap(PGConnection.class).alterUserPassword(login.user(), login.password().toCharArray(),
                    "scram-sha-256");
            sql.execute("CREATE SCHEMA IF NOT EXISTS " + role + " AUTHORIZATION " + role);
            sql.execute("ALTER SCHEMA " + role + " OWNER TO " + role);
            sql.execute(ADOPT.replace("{name}", login.user()).replace("{id}", role));
            sql.execute("REVOKE ALL ON SCHEMA " + role + " FROM PUBLIC");
            // PostgreSQL before 15 lets every role create objects in public.
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
    }

    /**
     * On a server of one's own (the local launcher's {@code HC_PG_URL}): makes every login's role
     * and answers true when {@code user} is a superuser there; answers false and makes nothing when
     * it is not, for then the server's operator makes the roles.
     */
    public static boolean ensureAs(String jdbcUrl, String user, String password, Collection<DatabaseLogin> logins)
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password)) {
            if (!isSuperuser(admin)) {
                return false;
            }
            for (DatabaseLogin login : logins) {
                ensure(admin, login);
            }
            return true;
        }
    }

    /** Whether {@code connection} is a superuser's, who may make the roles. */
    public static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<String> memberships(Connection connection, String role) throws SQLException {
        List<String> granted = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT g.rolname FROM pg_auth_members m
                JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
                WHERE r.rolname = ?""")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    granted.add(rows.getString(1));
                }
            }
        }
        return granted;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
