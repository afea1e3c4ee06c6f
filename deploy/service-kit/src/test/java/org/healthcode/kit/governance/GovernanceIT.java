package org.healthcode.kit.governance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The kit's audit trail, retention purge and destruction, on the kit's test service and real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private static final String ADMIN = TestTokens.staff("admin-zj", "admin", "330000");

    @Inject
    Pool pool;
    @Inject
    AuditTrail audit;

    @Test
    @Order(1)
    void theAuditTrailCannotBeChangedOnlyAppendedToAndIsQueriedBySubjectActorAndTime() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        audit.record(new AuditEntry(t, "staff-a", "CONTACTS_READ", Outcome.ALLOWED, "subject-1", "case-1", "330000",
                null)).await().indefinitely();
        audit.recordAll(List.of(new AuditEntry(t.plusSeconds(1), "staff-b", "CONTACTS_READ", Outcome.REFUSED,
                "subject-2", "case-2", "310000", "another province"), new AuditEntry(t.plusSeconds(2), "staff-a",
                "ID_CARD_LOOKUP", Outcome.ALLOWED, "subject-2", null, "330000", null))).await().indefinitely();

        for (String sql : List.of("update audit_entry set actor = 'someone-else'", "delete from audit_entry",
                "truncate audit_entry")) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> pool.query(sql).execute().await().indefinitely(), sql);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }

        JsonPath bySubject = given().auth().oauth2(ADMIN).queryParam("subjectId", "subject-2").get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ID_CARD_LOOKUP"), bySubject.getList("action"), "an admin sees their province's only");
        assertEquals(List.of("CONTACTS_READ", "ID_CARD_LOOKUP"), given().auth().oauth2(ADMIN)
                .queryParam("actor", "staff-a").get("/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("action"));
        assertEquals(List.of("ID_CARD_LOOKUP"), given().auth().oauth2(ADMIN).queryParam("actor", "staff-a")
                .queryParam("from", t.plusSeconds(1).toString()).get("/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("action"));
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").get("/v1/audit").then().statusCode(400)
                .body("details[0].field", equalTo("from"));
        given().auth().oauth2(ADMIN).queryParam("from", "0001-01-01T00:00:00Z").queryParam("to", "+100000-01-01T00:00:00Z")
                .get("/v1/audit").then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", equalTo(List.of("from", "to")))
                .body("details[1].problem", equalTo("must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, at most"
                        + " 3650 days back and at most 365 days ahead"));
        given().auth().oauth2(TestTokens.staff("epi", "epidemiologist", "330000")).get("/v1/audit").then()
                .statusCode(403);
    }

    @Test
    @Order(2)
    void aPurgeRemovesExactlyTheRowsPastRetention() {
        Instant now = Instant.now();
        visit(now.minus(Duration.ofDays(40)), "gone-1");
        visit(now.minus(Duration.ofDays(28)).minus(Duration.ofMinutes(1)), "gone-2");
        visit(now.minus(Duration.ofDays(28)).plus(Duration.ofMinutes(1)), "kept-1");
        visit(now.minus(Duration.ofDays(1)), "kept-2");

        JsonPath report = given().auth().oauth2(ADMIN).post("/v1/admin/purge").then().statusCode(200)
                .body("service", equalTo("service-kit-test")).body("action", equalTo("PURGE"))
                .extract().jsonPath();
        assertEquals(List.of(Map.of("table", "probe_visit", "rows", 2)), report.getList("tables"));
        assertEquals(List.of("kept-1", "kept-2"), subjects());
        assertEquals(List.of("PERSONAL_DATA_PURGED"), given().auth().oauth2(ADMIN).queryParam("actor", "admin-zj")
                .get("/v1/audit").then().statusCode(200).extract().jsonPath().getList("action"));
    }

    @Test
    @Order(3)
    void destructionNeedsTheConfirmationThenEmptiesEverythingAndTheTrailKeepsOnlyThatItHappened() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "yes"))
                .post("/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        assertEquals(2, subjects().size(), "a refused command destroys nothing");

        // this test's three reads and the purge, and whatever other kit tests recorded
        long trailRows = pool.query("select count(*) from audit_entry").execute().await().indefinitely()
                .iterator().next().getLong(0);
        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", GovernanceResource.CONFIRMATION))
                .post("/v1/admin/destruction").then().statusCode(200).body("action", equalTo("DESTRUCTION"))
                .extract().jsonPath();
        assertEquals(2, report.getInt("tables.find { it.table == 'probe_visit' }.rows"));
        assertEquals(trailRows, report.getLong("tables.find { it.table == 'audit_entry' }.rows"), "the whole trail");
        assertTrue(subjects().isEmpty());
        JsonPath trail = given().auth().oauth2(ADMIN).get("/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PERSONAL_DATA_DESTROYED"), trail.getList("action"));
        assertEquals(List.of("admin-zj"), trail.getList("actor"));
    }

    @Test
    @Order(4)
    void theScheduledPurgeRunsOncePerPeriodHoweverManyInstancesFireIt() {
        // six timers firing at once, as six instances of a service would in the same period
        List<CompletableFuture<Boolean>> fired = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(ADMIN).post("/v1/probe/scheduled-purge").then().statusCode(200).extract()
                        .<Boolean>path("purged"))).toList();
        long purged = fired.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
        given().auth().oauth2(ADMIN).post("/v1/probe/scheduled-purge").then().statusCode(200);

        List<Instant> runs = pool.query("select at from audit_entry where actor = 'retention-job' and "
                + "action = 'PERSONAL_DATA_PURGED'").execute().await().indefinitely().stream()
                .map(row -> row.getOffsetDateTime(0).toInstant()).toList();
        // one-hour periods (healthcode.retention.check-every); a run at the turn of the hour may open the next
        Map<Long, Long> runsPerPeriod = runs.stream().collect(Collectors.groupingBy(
                at -> at.toEpochMilli() / Duration.ofHours(1).toMillis(), Collectors.counting()));
        assertTrue(purged >= 1, "someone purged");
        assertEquals(purged, runs.size(), "each purge that answered is one audit entry");
        runsPerPeriod.forEach((period, count) -> assertEquals(1L, count, "purges in one period: " + runs));
    }

    private void visit(Instant at, String subject) {
        pool.preparedQuery("insert into probe_visit (at, subject_id) values ($1, $2)")
                .execute(Tuple.of(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), subject)).await().indefinitely();
    }

    private List<String> subjects() {
        return pool.query("select subject_id from probe_visit order by at").execute().await().indefinitely().stream()
                .map(row -> row.getString(0)).toList();
    }
}
