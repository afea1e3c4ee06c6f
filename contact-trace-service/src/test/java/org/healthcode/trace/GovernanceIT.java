package org.healthcode.trace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Governance of this service's personal data: every staff read of a trace is audited, reads across
 * provinces are refused and audited, visits are purged exactly at the retention cutoff, and the
 * end-of-emergency destruction leaves no person behind.
 */
@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private static final String SCHEMA = "contact_trace";
    private static final String AUTHORITY = TestTokens.staff("authority-zj", "authority", "330000");
    private static final String ADMIN = TestTokens.staff("admin-zj", "admin", "330000");

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;

    /** The emergency goes on for the module's other tests: they take intake. */
    @AfterEach
    void theEmergencyGoesOn() {
        pool.query("delete from emergency_end").execute().await().indefinitely();
    }

    @Test
    @Order(1)
    void everyReadOfATraceIsAuditedAndAnotherProvincesStaffAreRefusedAndAudited() throws Exception {
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID mall = UUID.randomUUID();
        String patient = Scans.subject();
        String close = Scans.subject();
        scans.scan(patient, mall, "MALL", t0);
        scans.scan(close, mall, "MALL", t0.plus(10, ChronoUnit.MINUTES));
        assertEquals(2, scans.awaitVisits(List.of(patient, close), 2));
        String caseId = given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient, "status", "CONFIRMED")).post("/v1/cases")
                .then().statusCode(201).body("contactsFound", equalTo(1)).extract().path("id");

        String reader = "epi-" + UUID.randomUUID();
        String epidemiologist = TestTokens.staff(reader, "epidemiologist", "330000");
        given().auth().oauth2(epidemiologist).get("/v1/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(epidemiologist).queryParam("page", 0).queryParam("size", 10)
                .get("/v1/cases/" + caseId + "/contacts").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(epidemiologist).queryParam("page", 0).queryParam("size", 500).queryParam("export", true)
                .get("/v1/cases/" + caseId + "/contacts").then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(epidemiologist).get("/v1/cases/" + caseId + "/chain").then().statusCode(200);
        given().auth().oauth2(epidemiologist).get("/v1/cases/" + UUID.randomUUID()).then().statusCode(404);

        JsonPath reads = trail("actor", reader);
        assertEquals(List.of("CASE_READ", "CONTACTS_READ", "CONTACTS_EXPORT", "CHAIN_READ"), reads.getList("action"),
                "each read once, a missing case is no read");
        assertEquals(Collections.nCopies(4, "ALLOWED"), reads.getList("outcome"));
        assertEquals(Collections.nCopies(4, patient), reads.getList("subjectId"), "whom: the case's subject");
        assertEquals(Collections.nCopies(4, caseId), reads.getList("object"), "what: the case");
        assertEquals(Collections.nCopies(4, "330000"), reads.getList("province"));
        assertEquals("page=0 size=10 items=1 total=1", reads.getString("[1].detail"));
        assertEquals("page=0 size=500 items=1 total=1", reads.getString("[2].detail"));
        assertEquals("contacts=1", reads.getString("[3].detail"));

        String intruder = "epi-sh-" + UUID.randomUUID();
        String otherProvince = TestTokens.staff(intruder, "epidemiologist", "310000");
        for (String path : List.of("", "/contacts", "/chain")) {
            given().auth().oauth2(otherProvince).get("/v1/cases/" + caseId + path)
                    .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        }
        given().auth().oauth2(otherProvince).queryParam("export", true).get("/v1/cases/" + caseId + "/contacts")
                .then().statusCode(403);
        JsonPath refusals = trail("actor", intruder);
        assertEquals(Collections.nCopies(4, "CROSS_PROVINCE_READ"), refusals.getList("action"));
        assertEquals(Collections.nCopies(4, "REFUSED"), refusals.getList("outcome"));
        assertEquals(Collections.nCopies(4, caseId), refusals.getList("object"), "what was asked for");
        assertEquals(Collections.nCopies(4, "330000"), refusals.getList("province"),
                "the case's province: its admins see who tried");
        assertEquals(List.of("CASE_READ", "CONTACTS_READ", "CHAIN_READ", "CONTACTS_EXPORT"),
                refusals.getList("detail", String.class).stream().map(d -> d.substring(0, d.indexOf(' '))).toList());
        assertEquals("CASE_READ by staff of 310000: the case is in 330000", refusals.getString("[0].detail"));
        given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000")).queryParam("actor", intruder)
                .get("/v1/audit").then().statusCode(200).body("size()", equalTo(0));

        given().auth().oauth2(TestTokens.staff("epi-nowhere", "epidemiologist", null)).get("/v1/cases/" + caseId)
                .then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
    }

    @Test
    @Order(2)
    void aPurgeDeletesExactlyTheVisitsOlderThanTheCutoff() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(28));
        Map<String, Instant> visits = new LinkedHashMap<>();
        visits.put("gone-" + UUID.randomUUID(), now.minus(Duration.ofDays(40)));
        visits.put("gone-" + UUID.randomUUID(), cutoff.minus(Duration.ofMinutes(1)));
        visits.put("kept-" + UUID.randomUUID(), cutoff.plus(Duration.ofMinutes(1)));
        visits.put("kept-" + UUID.randomUUID(), now.minus(Duration.ofDays(1)));
        visits.forEach((scanId, at) -> pool.preparedQuery("insert into visit values ($1, $2, $3, 'PARK', $4)")
                .execute(Tuple.of(utc(at), UUID.randomUUID(), Scans.subject(), scanId))
                .await().atMost(Duration.ofSeconds(10)));
        long expired = count("select count(*) from visit where at < $1", utc(cutoff));
        long cases = count("select count(*) from trace_case");

        JsonPath report = given().auth().oauth2(ADMIN).post("/v1/admin/purge").then().statusCode(200)
                .body("service", equalTo("contact-trace-service")).body("action", equalTo("PURGE"))
                .extract().jsonPath();

        assertEquals(List.of("visit", "visitor_home"), report.getList("tables.table"),
                "only visits expire, and visitors' homes with their last visit");
        assertEquals(expired, report.getLong("tables[0].rows"));
        List<String> left = new ArrayList<>();
        visits.keySet().forEach(scanId -> {
            if (count("select count(*) from visit where scan_id = $1", scanId) > 0) {
                left.add(scanId.substring(0, 4));
            }
        });
        assertEquals(List.of("kept", "kept"), left, "exactly the visits older than the cutoff went");
        assertEquals(0L, count("select count(*) from visit where at < $1", utc(cutoff)));
        assertEquals(cases, count("select count(*) from trace_case"), "cases do not expire");
    }

    @Test
    @Order(3)
    void destructionEmptiesEveryTableOfPersonalData() {
        assertTrue(count("select count(*) from contact") > 0 && count("select count(*) from case_decision") > 0,
                "there is something to destroy");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "destroy"))
                .post("/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        assertTrue(count("select count(*) from trace_case") > 0, "a refused command destroys nothing");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true));
        long decisions = count("select count(*) from case_decision");
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", UUID.randomUUID().toString(), "status", "CONFIRMED")).post("/v1/cases").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        assertEquals(decisions, count("select count(*) from case_decision"), "a refused report stores nothing");
        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction")
                .then().statusCode(200).body("action", equalTo("DESTRUCTION")).extract().jsonPath();
        assertEquals(List.of("visit", "visitor_home", "contact", "case_decision", "trace_case", "outbox_event",
                "audit_entry"),
                report.getList("tables.table"));
        assertTrue(report.getLong("tables.find { it.table == 'audit_entry' }.rows") >= 8, "the reads and refusals");

        Map<String, Long> rows = rowsPerTable();
        assertEquals(1L, rows.remove("audit_entry"), "the trail keeps only that the destruction happened");
        rows.remove("processed_event");
        rows.remove("flyway_schema_history");
        assertEquals(1L, rows.remove("emergency_end"), "the end outlives the destruction: intake stays refused");
        assertTrue(rows.keySet().containsAll(List.of("visit", "visit_default", "contact", "case_decision", "trace_case")),
                rows::toString);
        rows.forEach((table, n) -> assertEquals(0L, n, table + " still holds personal data"));
        assertEquals(List.of("PERSONAL_DATA_DESTROYED"), trail("actor", "admin-zj").getList("action"));
    }

    private static JsonPath trail(String filter, String value) {
        return given().auth().oauth2(ADMIN).queryParam(filter, value).get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Rows in every table of this service's schema, the visit index's month partitions included. */
    private Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Row table : pool.preparedQuery("""
                select table_name from information_schema.tables
                where table_schema = $1 and table_type = 'BASE TABLE' order by table_name""")
                .execute(Tuple.of(SCHEMA)).await().atMost(Duration.ofSeconds(10))) {
            String name = table.getString(0);
            rows.put(name, count("select count(*) from " + SCHEMA + "." + name));
        }
        return rows;
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
