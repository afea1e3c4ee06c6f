package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Retention and the end of the emergency on this service's real tables: the purge takes exactly
 * the declarations and check-ins past the retention period (registrations and appeals stay), the
 * destruction leaves no personal row anywhere in the schema.
 */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT {

    private static final String ADMIN_ACCOUNT = "admin-retention";
    private static final String ADMIN = TestTokens.staff(ADMIN_ACCOUNT, "admin", "330000");
    /** Kept by a destruction: event ids only, Flyway's own record, and when the emergency ended. */
    private static final Set<String> NOT_PERSONAL = Set.of("processed_event", "flyway_schema_history",
            "emergency_end");

    @Inject
    Pool pool;
    @ConfigProperty(name = "healthcode.schema")
    String schema;

    /** The emergency goes on for the module's other tests: they take intake. */
    @AfterEach
    void theEmergencyGoesOn() {
        pool.query("delete from emergency_end").execute().await().indefinitely();
    }

    @Test
    @Order(1)
    void aPurgeRemovesExactlyTheDeclarationsAndCheckinsPastRetention() {
        String account = People.account();
        People.registerSelf(account);
        String dependentId = People.addDependent(account, "孙奶奶", "PARENT").statusCode(201).extract().path("id");
        String appeal = AppealIT.file(account, null, "旧的申诉").statusCode(201).extract().path("id");
        String oldest = declare(account, "/v1/persons/me/declarations", fullDeclaration());
        String justPast = declare(account, "/v1/persons/me/checkins", checkin());
        String justWithin = declare(account, "/v1/persons/me/declarations", fullDeclaration());
        String today = declare(account, "/v1/persons/me/checkins", checkin());
        String dependentsOld = declare(account, "/v1/persons/me/dependents/" + dependentId + "/checkins", checkin());

        Instant now = Instant.now();
        Instant retention = now.minus(Duration.ofDays(28));
        age("declaration", "declared_at", oldest, now.minus(Duration.ofDays(40)));
        age("declaration", "declared_at", justPast, retention.minus(Duration.ofMinutes(1)));
        age("declaration", "declared_at", justWithin, retention.plus(Duration.ofMinutes(1)));
        age("declaration", "declared_at", dependentsOld, now.minus(Duration.ofDays(30)));
        // Registered and appealed long ago: neither expires.
        execute("update person set registered_at = $1 where account_subject = $2 or guardian_id = "
                + "(select id from person where account_subject = $2)", utc(now.minus(Duration.ofDays(90))), account);
        age("appeal", "created_at", appeal, now.minus(Duration.ofDays(60)));
        long declarationsBefore = count("select count(*) from declaration");

        JsonPath report = given().auth().oauth2(ADMIN).post("/v1/admin/purge").then().statusCode(200)
                .body("service", equalTo("declaration-service")).body("action", equalTo("PURGE"))
                .body("cutoff", notNullValue()).extract().jsonPath();
        assertEquals(List.of(Map.of("table", "declaration", "rows", 3), Map.of("table", "import_row", "rows", 0),
                Map.of("table", "import_batch", "rows", 0)), report.getList("tables"));

        assertEquals(declarationsBefore - 3, count("select count(*) from declaration"));
        assertEquals(Set.of(justWithin, today), new HashSet<>(strings("select d.id::text from declaration d "
                + "join person p on p.id = d.person_id where p.account_subject = $1 or p.guardian_id = "
                + "(select id from person where account_subject = $1)", account)));
        assertEquals(2L, count("select count(*) from person where account_subject = $1 or guardian_id = "
                + "(select id from person where account_subject = $1)", account), "registrations do not expire");
        assertEquals(1L, count("select count(*) from appeal where id = $1::uuid", appeal), "appeals do not expire");
        assertEquals(List.of("PERSONAL_DATA_PURGED"), Audit.byActor(ADMIN_ACCOUNT).stream()
                .map(entry -> entry.get("action")).toList());
    }

    @Test
    @Order(2)
    void destructionLeavesNoPersonalRowInTheSchema() {
        String account = People.account();
        People.registerSelf(account);
        People.addDependent(account, "周爷爷", "PARENT").statusCode(201);
        declare(account, "/v1/persons/me/checkins", checkin());
        AppealIT.file(account, null, "最后的申诉").statusCode(201);
        given().auth().oauth2(TestTokens.staff("checkpoint-1", "checkpoint", "330000")).contentType(ContentType.JSON)
                .body(Map.of("documentType", "PASSPORT", "documentNumber", People.passport()))
                .post("/v1/subjects/resolve").then().statusCode(200);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "destroy"))
                .post("/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        assertTrue(count("select count(*) from person") >= 2, "a refused command destroys nothing");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true));
        long declarations = count("select count(*) from declaration");
        for (String path : List.of("/v1/persons/me/declarations", "/v1/persons/me/checkins")) {
            given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON)
                    .body(path.endsWith("checkins") ? checkin() : fullDeclaration()).post(path).then().statusCode(409)
                    .body("error", equalTo("EMERGENCY_ENDED"));
        }
        given().auth().oauth2(TestTokens.citizen(People.account())).contentType(ContentType.JSON)
                .body(Map.of("name", "x")).post("/v1/persons/me/registration").then().statusCode(409)
                .body("error", equalTo("EMERGENCY_ENDED"));
        given().auth().oauth2(TestTokens.staff("authority-1", "authority", "330000")).contentType("text/csv")
                .body("documentType,documentNumber,regions,from,to\n").post("/v1/imports/itineraries").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        given().auth().oauth2(TestTokens.staff("authority-1", "authority", "330000")).contentType("text/csv")
                .body("documentType,documentNumber,mode,vehicle,departure,arrival,carriage,seat\n")
                .post("/v1/imports/manifests").then().statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        given().auth().oauth2(TestTokens.staff("authority-1", "authority", "330000")).contentType("text/csv")
                .body("documentType,documentNumber,status,reportedAt,onsetDate\n")
                .post("/v1/imports/cases").then().statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        assertEquals(declarations, count("select count(*) from declaration"), "a refused intake stores nothing");
        given().auth().oauth2(TestTokens.citizen(account)).get("/v1/persons/me").then().statusCode(200);
        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA"))
                .post("/v1/admin/destruction").then().statusCode(200).body("action", equalTo("DESTRUCTION"))
                .extract().jsonPath();

        // Every table of the schema but the two kept ones was emptied, and the report names each.
        List<String> tables = strings("select table_name::text from information_schema.tables "
                + "where table_schema = $1 and table_type = 'BASE TABLE' order by table_name", schema);
        List<String> personal = new ArrayList<>(tables);
        personal.removeAll(NOT_PERSONAL);
        assertEquals(new HashSet<>(personal), new HashSet<>(report.<String>getList("tables.table")),
                "a table of this schema is missing from the PersonalData declaration");
        for (String table : List.of("person", "declaration", "appeal", "audit_entry")) {
            assertTrue(report.getLong("tables.find { it.table == '" + table + "' }.rows") > 0, table + " was empty");
        }
        for (String table : personal) {
            long rows = count("select count(*) from " + table);
            assertEquals(table.equals("audit_entry") ? 1L : 0L, rows, table + " still holds rows");
        }
        Row destroyed = pool.query("select actor, action from audit_entry").execute().await()
                .atMost(Duration.ofSeconds(5)).iterator().next();
        assertEquals(List.of(ADMIN_ACCOUNT, "PERSONAL_DATA_DESTROYED"),
                List.of(destroyed.getString("actor"), destroyed.getString("action")));

        // The service carries on, empty, and intake stays refused.
        People.register(People.account(), Map.of("name", "x")).statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        given().auth().oauth2(TestTokens.citizen(People.account())).get("/v1/persons/me").then().statusCode(404);
    }

    private static String declare(String account, String path, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> fullDeclaration() {
        return Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5);
    }

    private static Map<String, Object> checkin() {
        return Map.of("symptoms", List.of(), "temperature", 36.6);
    }

    private void age(String table, String column, String id, Instant at) {
        execute("update " + table + " set " + column + " = $1 where id = $2::uuid", utc(at), id);
    }

    private void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(5));
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(5))
                .forEach(row -> values.add(row.getString(0)));
        return values;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
