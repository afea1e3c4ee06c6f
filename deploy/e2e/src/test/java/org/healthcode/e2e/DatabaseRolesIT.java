package org.healthcode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.healthcode.infra.DatabaseLogin;
import org.healthcode.infra.DatabaseRoles;
import org.healthcode.infra.RealInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in the database of the running platform: every service is connected as its own
 * role, has migrated its schema as that role, and that role can read no other service's table, so
 * a compromised service exposes its own data only. The checks below connect as the services' roles
 * with the passwords the platform's PostgreSQL gave them, and look as the superuser.
 */
@Order(2)
class DatabaseRolesIT {

    private static final List<String> SCHEMAS = List.copyOf(DatabaseRoles.SERVICE_SCHEMAS.values());
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void everyServiceIsConnectedAsItsOwnRoleThatIsNoSuperuserAndMigratedItsSchema() throws SQLException {
        try (Connection db = superuser()) {
            for (String schema : SCHEMAS) {
                assertEquals(List.of("false false false true"), strings(db, "select concat_ws(' ', rolsuper::text, "
                        + "rolcreatedb::text, rolcreaterole::text, rolcanlogin::text) from pg_roles where rolname = ?", schema),
                        "role " + schema + ": not superuser, createdb or createrole; logs in");
                assertEquals(List.of(schema), strings(db, "select distinct installed_by from " + schema
                        + ".flyway_schema_history"), "every migration of " + schema + " ran as its role");
                assertEquals(List.of(schema), strings(db, """
                        select pg_get_userbyid(nspowner) from pg_namespace where nspname = ?
                        union select pg_get_userbyid(relowner) from pg_class where relnamespace = ?::regnamespace""",
                        schema, schema), "the schema " + schema + " and all in it are its role's");
                assertEquals(List.of(), strings(db, "select grantee::regrole::text from pg_namespace, "
                        + "aclexplode(nspacl) where nspname = ? and grantee <> nspowner", schema),
                        "the schema " + schema + " is granted to no one else");
            }
            Set<String> connected = new TreeSet<>(strings(db,
                    "select distinct usename from pg_stat_activity where datname = current_database() and usename <> ?",
                    "postgres"));
            assertEquals(new TreeSet<>(SCHEMAS), connected, "the services' connections, each as its own role");
        }
    }

    @Test
    void noServicesRoleCanReadAnotherServicesTables() throws SQLException {
        // declaration and risk-scoring by name first; then every role against every other schema
        assertRefused(login("declaration"), "select * from risk_scoring.risk_state");
        assertRefused(login("risk_scoring"), "select * from declaration.person");

        List<String> allowed = new ArrayList<>();
        int refusals = 0;
        for (String role : SCHEMAS) {
            try (Connection db = connect(login(role)); Statement sql = db.createStatement()) {
                for (String schema : SCHEMAS) {
                    for (String table : tables(schema)) {
                        String read = "select count(*) from " + schema + "." + table;
                        if (schema.equals(role)) {
                            sql.executeQuery(read).close();
                            continue;
                        }
                        try {
                            sql.executeQuery(read).close();
                            allowed.add(role + " reads " + schema + "." + table);
                        } catch (SQLException refused) {
                            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused.getMessage());
                            refusals++;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), allowed);
        assertTrue(refusals > 4 * SCHEMAS.size(), "every role tried every other schema's tables: " + refusals);
    }

    @Test
    void aServicesRoleCannotWriteToPublicNorConnectWithoutItsPassword() throws SQLException {
        DatabaseLogin declaration = login("declaration");
        assertRefused(declaration, "create table public.smuggled (id int)");
        SQLException refused = assertThrows(SQLException.class,
                () -> connect(new DatabaseLogin("declaration", "a-guess")).close());
        assertEquals("28P01", refused.getSQLState(), "password authentication failed");
    }

    private static DatabaseLogin login(String schema) {
        // the platform's PostgreSQL (the JVM's shared one) made each role and keeps its login
        return RealInfra.shared().postgres().serviceLogin(schema);
    }

    private static void assertRefused(DatabaseLogin login, String statement) throws SQLException {
        try (Connection db = connect(login); Statement sql = db.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement),
                    login.user() + ": " + statement);
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    private static Connection connect(DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), login.user(), login.password());
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
    }

    private static List<String> tables(String schema) throws SQLException {
        try (Connection db = superuser()) {
            return strings(db, "select tablename from pg_tables where schemaname = ? order by tablename", schema);
        }
    }

    private static List<String> strings(Connection db, String query, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
