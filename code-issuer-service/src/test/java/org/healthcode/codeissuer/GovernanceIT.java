package org.healthcode.codeissuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** This service's personal data: colours do not expire, and the end-of-emergency destruction empties them. */
@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private static final String SCHEMA = "code_issuer";
    private static final String ADMIN = TestTokens.staff("admin-zj", "admin", "330000");

    @Inject
    Pool pool;

    /** The emergency goes on for the module's other tests: they take intake. */
    @AfterEach
    void theEmergencyGoesOn() {
        pool.query("delete from emergency_end").execute().await().indefinitely();
    }

    @Test
    @Order(1)
    void aPurgeLeavesTheCurrentColoursAlone() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "RED", false, Instant.now().minus(Duration.ofDays(40)));
        RiskEvents.awaitColour(subject, "RED");

        given().auth().oauth2(ADMIN).post("/v1/admin/purge").then().statusCode(200)
                .body("service", equalTo("code-issuer-service")).body("action", equalTo("PURGE"))
                .body("tables.size()", equalTo(0));
        RiskEvents.code(subject).then().statusCode(200).body("colour", equalTo("RED"));
    }

    @Test
    @Order(2)
    void destructionEmptiesTheColours() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "YELLOW", false, Instant.now());
        RiskEvents.awaitColour(subject, "YELLOW");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "please"))
                .post("/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        RiskEvents.code(subject).then().statusCode(200);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true));

        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction")
                .then().statusCode(200).body("action", equalTo("DESTRUCTION")).extract().jsonPath();
        assertEquals(List.of("subject_colour", "paper_code", "outbox_event", "audit_entry"), report.getList("tables.table"));
        assertTrue(report.getLong("tables[0].rows") >= 2, "at least this test's two colours");

        Map<String, Long> rows = rowsPerTable();
        assertEquals(1L, rows.remove("audit_entry"), "the trail keeps only that the destruction happened");
        rows.remove("processed_event");
        rows.remove("flyway_schema_history");
        assertEquals(1L, rows.remove("emergency_end"), "the end outlives the destruction: intake stays refused");
        assertTrue(rows.containsKey("subject_colour"), rows::toString);
        rows.forEach((table, n) -> assertEquals(0L, n, table + " still holds personal data"));
        RiskEvents.code(subject).then().statusCode(404).body("error", equalTo("NO_COLOUR_YET"));
    }

    /** Rows in every table of this service's schema. */
    private Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Row table : pool.preparedQuery("""
                select table_name from information_schema.tables
                where table_schema = $1 and table_type = 'BASE TABLE' order by table_name""")
                .execute(Tuple.of(SCHEMA)).await().atMost(Duration.ofSeconds(10))) {
            String name = table.getString(0);
            rows.put(name, pool.query("select count(*) from " + SCHEMA + "." + name).execute()
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        }
        return rows;
    }
}
