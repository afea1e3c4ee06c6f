package org.healthcode.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each service's own role, as the embedded PostgreSQL makes it: its schema is its own, and only that. */
class DatabaseRolesTest {

    static final String INSUFFICIENT_PRIVILEGE = "42501";
    static final String INVALID_PASSWORD = "28P01";

    static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = Postgres.start(null, FreePort.find());
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aRoleMigratesItsOwnSchemaAsFlywayWouldAndIsNothingMore() throws SQLException {
        DatabaseLogin declaration = postgres.serviceLogin("declaration");
        try (Connection db = connect(declaration); Statement sql = db.createStatement()) {
            // what the services' migrations and the kit do: tables, sequences, partitions, plpgsql
            // functions and triggers, TRUNCATE in the end-of-emergency destruction, session settings
            sql.execute("SET search_path = declaration");
            sql.execute("CREATE TABLE person (seq BIGSERIAL, at TIMESTAMPTZ NOT NULL, PRIMARY KEY (seq, at)) PARTITION BY RANGE (at)");
            sql.execute("CREATE TABLE person_default PARTITION OF person DEFAULT");
            sql.execute("CREATE TABLE person_2026 (LIKE person INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            sql.execute("ALTER TABLE person ATTACH PARTITION person_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
            sql.execute("""
                    CREATE FUNCTION no_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
                    BEGIN
                        IF current_setting('healthcode.destroying', true) = 'on' THEN RETURN NULL; END IF;
                        RAISE EXCEPTION 'refused';
                    END $$""");
            sql.execute("CREATE TRIGGER no_truncate BEFORE TRUNCATE ON person_2026 "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION no_change()");
            sql.execute("INSERT INTO person (at) VALUES ('2026-05-01'), ('2030-01-01')");
            sql.execute("SET plan_cache_mode = force_custom_plan");
            db.setAutoCommit(false);
            sql.execute("SELECT set_config('healthcode.destroying', 'on', true)");
            sql.execute("TRUNCATE person_default, person_2026");
            db.commit();
            assertEquals(0, count(sql, "SELECT count(*) FROM person"));
            db.setAutoCommit(true);

            assertRefused(() -> sql.execute("CREATE TABLE public.smuggled (id INT)"), "public is not writable");
            assertRefused(() -> sql.execute("CREATE SCHEMA elsewhere"), "no schema of its own making");
            assertRefused(() -> sql.execute("CREATE ROLE friend"), "not createrole");
            assertRefused(() -> sql.execute("CREATE DATABASE copy"), "not createdb");
            assertRefused(() -> sql.execute("ALTER SYSTEM SET work_mem = '1GB'"), "not a superuser");
        }
        try (Connection admin = postgres.superuser(); Statement sql = admin.createStatement()) {
            try (ResultSet role = sql.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, "
                    + "rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'declaration'")) {
                assertTrue(role.next());
                for (int column = 1; column <= 5; column++) {
                    assertFalse(role.getBoolean(column), role.getMetaData().getColumnName(column));
                }
                assertTrue(role.getBoolean("rolcanlogin"));
            }
            assertEquals(List.of("declaration"), strings(sql, "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class "
                    + "WHERE relnamespace = 'declaration'::regnamespace"), "every table, index and sequence is the role's");
            assertEquals(List.of(), strings(sql, "SELECT grantee::regrole::text FROM pg_namespace, aclexplode(nspacl) "
                    + "WHERE nspname = 'declaration' AND grantee <> nspowner"), "the schema is granted to no one else");
        }
    }

    @Test
    void oneServicesRoleCannotReadOrWriteAnothersTables() throws SQLException {
        DatabaseLogin scan = postgres.serviceLogin("scan_checkpoint");
        DatabaseLogin trace = postgres.serviceLogin("contact_trace");
        try (Connection db = connect(scan); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE scan_checkpoint.scan (subject_id TEXT)");
            sql.execute("INSERT INTO scan_checkpoint.scan VALUES ('s1')");
        }
        try (Connection db = connect(trace); Statement sql = db.createStatement()) {
            assertRefused(() -> sql.executeQuery("SELECT * FROM scan_checkpoint.scan"), "no reading");
            assertRefused(() -> sql.execute("INSERT INTO scan_checkpoint.scan VALUES ('s2')"), "no writing");
            assertRefused(() -> sql.execute("DROP TABLE scan_checkpoint.scan"), "no dropping");
            assertRefused(() -> sql.execute("GRANT USAGE ON SCHEMA scan_checkpoint TO contact_trace"), "no granting");
        }
        try (Connection admin = postgres.superuser(); Statement sql = admin.createStatement()) {
            assertEquals(1, count(sql, "SELECT count(*) FROM scan_checkpoint.scan"));
        }
    }

    @Test
    void aPasswordIsCheckedAndMakingTheRoleAgainRotatesItKeepingTheData() throws SQLException {
        DatabaseLogin first = postgres.ensureRole(new DatabaseLogin("code_issuer", DatabaseLogin.randomPassword()));
        try (Connection db = connect(first); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE code_issuer.colour (subject_id TEXT)");
            sql.execute("INSERT INTO code_issuer.colour VALUES ('s1')");
        }
        assertEquals(INVALID_PASSWORD, assertThrows(SQLException.class,
                () -> connect(new DatabaseLogin("code_issuer", "not-its-password")).close()).getSQLState());

        DatabaseLogin rotated = postgres.ensureRole(new DatabaseLogin("code_issuer", DatabaseLogin.randomPassword()));
        assertEquals(INVALID_PASSWORD, assertThrows(SQLException.class, () -> connect(first).close()).getSQLState(),
                "the old password no longer works");
        try (Connection db = connect(rotated); Statement sql = db.createStatement()) {
            assertEquals(1, count(sql, "SELECT count(*) FROM code_issuer.colour"));
        }
    }

    @Test
    void aSchemaTheSuperuserMigratedBeforePassesWhollyToItsRole() throws SQLException {
        try (Connection admin = postgres.superuser(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA risk_scoring");
            sql.execute("SET search_path = risk_scoring");
            sql.execute("CREATE TABLE flyway_schema_history (version TEXT)");
            sql.execute("CREATE TABLE risk_state (seq BIGSERIAL, at TIMESTAMPTZ NOT NULL, PRIMARY KEY (seq, at)) PARTITION BY RANGE (at)");
            sql.execute("CREATE TABLE risk_state_default PARTITION OF risk_state DEFAULT");
            sql.execute("CREATE SEQUENCE standalone");
            sql.execute("CREATE FUNCTION answer() RETURNS INT LANGUAGE sql AS 'SELECT 42'");
            sql.execute("CREATE TYPE colour AS ENUM ('GREEN', 'RED')");
            sql.execute("INSERT INTO risk_state (at) VALUES (now())");
        }
        DatabaseLogin risk = postgres.serviceLogin("risk_scoring");
        try (Connection admin = postgres.superuser(); Statement sql = admin.createStatement()) {
            assertEquals(List.of("risk_scoring"), strings(sql, """
                    SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'risk_scoring'::regnamespace
                    UNION SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'risk_scoring'::regnamespace
                    UNION SELECT pg_get_userbyid(typowner) FROM pg_type WHERE typnamespace = 'risk_scoring'::regnamespace
                    UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'risk_scoring'"""));
        }
        try (Connection db = connect(risk); Statement sql = db.createStatement()) {
            sql.execute("SET search_path = risk_scoring");
            sql.execute("INSERT INTO risk_state (at) VALUES (now())");
            sql.execute("ALTER TABLE flyway_schema_history ADD COLUMN installed_by TEXT");
            assertEquals(42, count(sql, "SELECT answer()"));
            assertEquals(1, count(sql, "SELECT nextval('standalone')"));
            assertEquals(2, count(sql, "SELECT count(*) FROM risk_state"));
        }
    }

    @Test
    void nothingButTheSuperuserConnectsWithoutAPassword() {
        postgres.serviceLogin("declaration");
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(postgres.jdbcUrl(), "declaration", "").close());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
    }

    @Test
    void onAServerOfOnesOwnOnlyASuperuserMakesTheRoles() throws SQLException {
        DatabaseLogin wanted = DatabaseLogin.generate("probe_by_service");
        DatabaseLogin declaration = postgres.serviceLogin("declaration");
        assertFalse(DatabaseRoles.ensureAs(postgres.jdbcUrl(), declaration.user(), declaration.password(), List.of(wanted)),
                "a service's role makes nothing: the operator makes the roles");
        assertThrows(SQLException.class, () -> connect(wanted).close());

        DatabaseLogin made = DatabaseLogin.generate("probe_by_superuser");
        assertTrue(DatabaseRoles.ensureAs(postgres.jdbcUrl(), Postgres.USER, "", List.of(made)));
        try (Connection db = connect(made); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE probe_by_superuser.made (id INT)");
        }
    }

    private static Connection connect(DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), login.user(), login.password());
    }

    private static void assertRefused(Executable statement, String what) {
        assertEquals(INSUFFICIENT_PRIVILEGE, assertThrows(SQLException.class, statement, what).getSQLState(), what);
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
