package org.healthcode.scan;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Governance of this service's personal data: refusals across provinces are audited, the scan log
 * is purged past retention, and the end-of-emergency destruction leaves no person behind.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private static final String SCHEMA = "scan_checkpoint";

    @Inject
    Pool pool;

    /** The emergency goes on for the module's other tests: they take intake. */
    @AfterEach
    void theEmergencyGoesOn() {
        pool.query("delete from emergency_end").execute().await().indefinitely();
    }

    @Test
    @Order(1)
    void checkpointStaffOfAnotherProvinceAreRefusedAndTheRefusalIsAudited() {
        String staff = "cp-sh-" + UUID.randomUUID();
        String token = TestTokens.staff(staff, "checkpoint", "310000");
        String venueId = Checkpoints.venue("MALL").getString("id");
        String subject = Checkpoints.subject();
        String scanId = Checkpoints.scanId();
        String code = Checkpoints.code("k1", "330000", subject, Colour.GREEN, false);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("token", code, "venueId", venueId, "scanId", scanId)).post("/v1/scans")
                .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        Checkpoints.gatewayFor(staff, "310000")
                .body(Map.of("subjectId", subject, "venueId", venueId, "scanId", Checkpoints.scanId()))
                .post("/v1/scans/subject").then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(token).get("/v1/venues/" + venueId).then().statusCode(403);
        given().auth().oauth2(token).get("/v1/venues/" + venueId + "/poster.png").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "西湖银泰", "type", "MALL", "regionCode", "330106", "address", "延安路98号"))
                .post("/v1/venues").then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));

        JsonPath trail = given().auth().oauth2(Checkpoints.ADMIN).queryParam("actor", staff).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CROSS_PROVINCE_READ", "CROSS_PROVINCE_READ", "CROSS_PROVINCE_READ", "CROSS_PROVINCE_READ",
                "CROSS_PROVINCE_READ"), trail.getList("action"));
        assertEquals(List.of("REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED"), trail.getList("outcome"));
        assertEquals(List.of(venueId, venueId, venueId, venueId, "330106"), trail.getList("object"), "what was asked for");
        assertEquals(List.of("330000", "330000", "330000", "330000", "330000"), trail.getList("province"),
                "whose data: the venue's province, so its admins see it");
        assertEquals(subject, trail.getString("[1].subjectId"), "the person the lookup named");
        assertEquals("POST /v1/scans by staff of 310000: the venue is in 330000", trail.getString("[0].detail"));
        trail.getList("detail", String.class).forEach(detail -> assertTrue(!detail.contains("西湖") && !detail.contains(code),
                "no venue name, no token: " + detail));
        assertEquals(0L, Checkpoints.count(pool, "select count(*) from scan_attempt where scan_id = $1", scanId),
                "a refused scan records nothing");
        given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000")).queryParam("actor", staff)
                .get("/v1/audit").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @Order(2)
    void aPurgeRemovesExactlyTheScanLogsPastRetention() {
        UUID venue = UUID.fromString(Checkpoints.venue("PARK").getString("id"));
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(28));
        Map<String, Instant> attempts = new LinkedHashMap<>();
        attempts.put("gone-" + UUID.randomUUID(), now.minus(Duration.ofDays(40)));
        attempts.put("gone-" + UUID.randomUUID(), cutoff.minus(Duration.ofMinutes(1)));
        attempts.put("kept-" + UUID.randomUUID(), cutoff.plus(Duration.ofMinutes(1)));
        attempts.put("kept-" + UUID.randomUUID(), now.minus(Duration.ofDays(1)));
        attempts.forEach((scanId, at) -> attempt(scanId, venue, at));
        long expired = Checkpoints.count(pool, "select count(*) from scan_attempt where at < $1", utc(cutoff));
        long colours = Checkpoints.count(pool, "select count(*) from subject_colour");

        JsonPath report = given().auth().oauth2(Checkpoints.ADMIN).post("/v1/admin/purge").then().statusCode(200)
                .body("service", equalTo("scan-checkpoint-service")).body("action", equalTo("PURGE"))
                .extract().jsonPath();

        assertEquals(List.of("scan_attempt", "federation_contact_received", "federation_contact_outgoing"),
                report.getList("tables.table"), "only the scan log and the contacts across the border expire");
        assertEquals(expired, report.getLong("tables[0].rows"));
        List<String> left = new ArrayList<>();
        attempts.keySet().forEach(scanId -> {
            if (Checkpoints.count(pool, "select count(*) from scan_attempt where scan_id = $1", scanId) > 0) {
                left.add(scanId.substring(0, 4));
            }
        });
        assertEquals(List.of("kept", "kept"), left, "exactly the attempts older than the cutoff went");
        assertEquals(0L, Checkpoints.count(pool, "select count(*) from scan_attempt where at < $1", utc(cutoff)));
        assertEquals(colours, Checkpoints.count(pool, "select count(*) from subject_colour"), "current colours stay");
    }

    @Test
    @Order(3)
    void destructionEmptiesEveryPersonalTableAndKeepsTheVenues() throws Exception {
        String venueId = Checkpoints.venue("SCHOOL").getString("id");
        String subject = Checkpoints.subject();
        Checkpoints.colour(pool, subject, Colour.GREEN, Instant.now());
        Checkpoints.gatewayFor("checkpoint-zj", "330000")
                .body(Map.of("subjectId", subject, "venueId", venueId, "scanId", Checkpoints.scanId()))
                .post("/v1/scans/subject").then().statusCode(200);
        long venues = Checkpoints.count(pool, "select count(*) from venue");

        given().auth().oauth2(Checkpoints.ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "yes"))
                .post("/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        assertTrue(Checkpoints.count(pool, "select count(*) from subject_colour where subject_id = $1", subject) > 0,
                "a refused command destroys nothing");

        given().auth().oauth2(Checkpoints.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        given().auth().oauth2(Checkpoints.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true));
        long attempts = Checkpoints.count(pool, "select count(*) from scan_attempt");
        Checkpoints.gatewayFor("checkpoint-zj", "330000")
                .body(Map.of("subjectId", subject, "venueId", venueId, "scanId", Checkpoints.scanId()))
                .post("/v1/scans/subject").then().statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        assertEquals(attempts, Checkpoints.count(pool, "select count(*) from scan_attempt"), "a refused scan stores nothing");
        JsonPath report = given().auth().oauth2(Checkpoints.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction")
                .then().statusCode(200).body("action", equalTo("DESTRUCTION")).extract().jsonPath();
        assertEquals(List.of("scan_attempt", "subject_colour", "paper_code", "federation_contact_received",
                "federation_contact_outgoing", "outbox_event", "audit_entry"),
                report.getList("tables.table"));
        assertTrue(report.getLong("tables.find { it.table == 'scan_attempt' }.rows") >= 1);
        assertTrue(report.getLong("tables.find { it.table == 'subject_colour' }.rows") >= 1);
        assertTrue(report.getLong("tables.find { it.table == 'audit_entry' }.rows") >= 1, "the ID-card lookup");

        Map<String, Long> rows = rowsPerTable();
        assertEquals(venues, rows.remove("venue"), "venues are places, not people: they stay");
        assertEquals(1L, rows.remove("emergency_end"), "the end outlives the destruction: intake stays refused");
        rows.remove("code_requirement"); // where codes are required is a rule about places, like the venues
        assertEquals(1L, rows.remove("audit_entry"), "the trail keeps only that the destruction happened");
        rows.remove("processed_event");
        rows.remove("federation_request_seen"); // other provinces' request ids until they expire: nobody's data
        rows.remove("flyway_schema_history");
        assertTrue(rows.containsKey("scan_attempt") && rows.containsKey("subject_colour"), rows::toString);
        rows.forEach((table, count) -> assertEquals(0L, count, table + " still holds personal data"));
        JsonPath trail = given().auth().oauth2(Checkpoints.ADMIN).get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("PERSONAL_DATA_DESTROYED"), trail.getList("action"));
    }

    private void attempt(String scanId, UUID venue, Instant at) {
        pool.preparedQuery("""
                insert into scan_attempt (scan_id, mode, venue_id, operator, subject_id, province, decision, reason,
                                          colour_at_scan, gold, fingerprint, at)
                values ($1, 'OPERATOR_SCAN', $2, 'checkpoint-zj', $3, '330000', 'ALLOW', null, 'GREEN', false, 'f', $4)""")
                .execute(Tuple.of(scanId, venue, Checkpoints.subject(), utc(at))).await().atMost(Duration.ofSeconds(10));
    }

    /** Rows in every table of this service's schema. */
    private Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Row table : pool.preparedQuery("""
                select table_name from information_schema.tables
                where table_schema = $1 and table_type = 'BASE TABLE' order by table_name""")
                .execute(Tuple.of(SCHEMA)).await().atMost(Duration.ofSeconds(10))) {
            String name = table.getString(0);
            rows.put(name, Checkpoints.count(pool, "select count(*) from " + SCHEMA + "." + name));
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
