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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.event.KafkaTopics;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The kit's audit trail, retention purge, end of the emergency and destruction, on the kit's test
 * service and real PostgreSQL and Kafka.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private static final String ADMIN = TestTokens.staff("admin-zj", "admin", "330000");

    @Inject
    Pool pool;
    @Inject
    AuditTrail audit;
    @Inject
    Admin admin;
    @Inject
    KafkaTopics topics;

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
    void destructionWaitsForTheEndOfTheEmergencyWhichStopsIntakeThenEmptiesEverythingAndTheTrailKeepsOnlyThatItHappened() {
        String citizen = TestTokens.citizen("citizen-late");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "yes"))
                .post("/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", GovernanceResource.CONFIRMATION))
                .post("/v1/admin/destruction").then().statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        assertEquals(2, subjects().size(), "a refused command destroys nothing");
        given().auth().oauth2(ADMIN).get("/v1/admin/emergency").then().statusCode(200).body("ended", equalTo(false));
        given().auth().oauth2(citizen).post("/v1/probe/visits").then().statusCode(201);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "yes"))
                .post("/v1/admin/emergency/end").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        given().auth().oauth2(TestTokens.staff("authority-zj", "authority", "330000")).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(403);
        given().auth().oauth2(citizen).post("/v1/probe/visits").then().statusCode(201);
        String endedAt = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true)).body("endedBy", equalTo("admin-zj")).extract().path("endedAt");
        given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000")).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then()
                .statusCode(200).body("endedAt", equalTo(endedAt)).body("endedBy", equalTo("admin-zj"));
        given().auth().oauth2(ADMIN).get("/v1/admin/emergency").then().statusCode(200).body("ended", equalTo(true))
                .body("endedAt", equalTo(endedAt));

        given().auth().oauth2(citizen).post("/v1/probe/visits").then().statusCode(409)
                .body("error", equalTo("EMERGENCY_ENDED"))
                .body("message", equalTo("The emergency ended at " + endedAt + ": this service takes no new "
                        + "registrations, declarations, check-ins, scans or reports. Nothing was stored."));
        assertEquals(4, subjects().size(), "a refused intake stores nothing");
        given().auth().oauth2(citizen).get("/v1/probe/visits").then().statusCode(200).body(equalTo("2"));

        // this test's three reads, the purge, the end, and whatever other kit tests recorded
        long trailRows = pool.query("select count(*) from audit_entry").execute().await().indefinitely()
                .iterator().next().getLong(0);
        assertEquals(1L, pool.query("select count(*) from audit_entry where action = 'EMERGENCY_ENDED'").execute()
                .await().indefinitely().iterator().next().getLong(0), "ended once, audited once");
        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", GovernanceResource.CONFIRMATION))
                .post("/v1/admin/destruction").then().statusCode(200).body("action", equalTo("DESTRUCTION"))
                .extract().jsonPath();
        assertEquals(4, report.getInt("tables.find { it.table == 'probe_visit' }.rows"));
        assertEquals(trailRows, report.getLong("tables.find { it.table == 'audit_entry' }.rows"), "the whole trail");
        assertTrue(subjects().isEmpty());
        JsonPath trail = given().auth().oauth2(ADMIN).get("/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PERSONAL_DATA_DESTROYED"), trail.getList("action"));
        assertEquals(List.of("admin-zj"), trail.getList("actor"));

        given().auth().oauth2(citizen).post("/v1/probe/visits").then().statusCode(409)
                .body("error", equalTo("EMERGENCY_ENDED"));
        assertTrue(subjects().isEmpty(), "after the destruction intake stays refused");
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

    @Test
    @Order(5)
    void theDestructionEmptiesEveryTopicDeadLetterTopicsIncludedAndSaysHowManyEventsWent() throws Exception {
        String topic = "kit-erasure-" + UUID.randomUUID();
        String deadLetters = "dead-letter-topic-" + topic;
        topics.ensure(List.of(topic, deadLetters)).await().indefinitely();
        KafkaTestClient.sendAll(topic, "subject-e", List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"));
        KafkaTestClient.send(deadLetters, "subject-e", "{not json");
        assertEquals(3, events(topic));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "yes"))
                .post("/v1/admin/destruction/topics").then().statusCode(400);
        assertEquals(3, events(topic), "a refused command removes nothing");
        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", GovernanceResource.CONFIRMATION))
                .post("/v1/admin/destruction/topics").then().statusCode(200).body("empty", equalTo(true))
                .extract().jsonPath();
        assertEquals(3, report.getInt("topics.find { it.topic == '" + topic + "' }.removed"), report.prettify());
        assertEquals(1, report.getInt("topics.find { it.topic == '" + deadLetters + "' }.removed"), report.prettify());
        assertEquals(List.of(true), report.getList("topics.collect { it['empty'] }").stream().distinct().toList(), report.prettify());
        for (String name : admin.listTopics().names().get()) {
            assertEquals(0, events(name), name);
        }
        given().auth().oauth2(TestTokens.staff("epi", "epidemiologist", "330000")).contentType(ContentType.JSON)
                .body(Map.of("confirmation", GovernanceResource.CONFIRMATION))
                .post("/v1/admin/destruction/topics").then().statusCode(403);
    }

    /** The events a topic holds: its end offsets less its start offsets. */
    private long events(String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        long events = 0;
        for (TopicPartition p : partitions) {
            events += admin.listOffsets(Map.of(p, OffsetSpec.latest())).all().get().get(p).offset()
                    - admin.listOffsets(Map.of(p, OffsetSpec.earliest())).all().get().get(p).offset();
        }
        return events;
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
