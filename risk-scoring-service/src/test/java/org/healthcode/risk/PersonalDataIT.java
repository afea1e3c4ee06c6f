package org.healthcode.risk;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The retention purge and the end-of-emergency destruction (the kit's, over this service's
 * {@code RiskPersonalData}), on real Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT {

    static final String ADMIN = TestTokens.staff("admin-zj", "admin", "330000");
    static final String SCHEMA = "risk_scoring";
    /**
     * What the destruction keeps: rules, region levels and fever clinics are about no one; processed
     * event ids are not personal.
     */
    static final List<String> KEPT = List.of("rule_set", "region_risk", "fever_clinic", "processed_event",
            "flyway_schema_history", "emergency_end");

    @Inject
    Pool pool;

    final PlatformTime time = new PlatformTime();

    /** The emergency goes on for the module's other tests: they take intake. */
    @AfterEach
    void theEmergencyGoesOn() {
        pool.query("delete from emergency_end").execute().await().indefinitely();
    }

    @Test
    @Order(1)
    void aPurgeRemovesExactlyTheCopiesOfDeclarationsPastRetention() {
        Instant now = time.now();
        Instant cutoff = now.minus(Duration.ofDays(28));
        String subject = Declarations.newSubjectId();
        declared(subject, "gone-1", now.minus(Duration.ofDays(40)));
        declared(subject, "gone-2", cutoff.minus(Duration.ofHours(1)));
        declared(subject, "kept-1", cutoff.plus(Duration.ofHours(1)));
        declared(subject, "kept-2", now.minus(Duration.ofDays(1)));

        JsonPath report = given().auth().oauth2(ADMIN).post("/v1/admin/purge").then().statusCode(200)
                .body("service", equalTo("risk-scoring-service")).body("action", equalTo("PURGE"))
                .extract().jsonPath();

        assertEquals(List.of(Map.of("table", "submission", "rows", 2), Map.of("table", "subject_travel", "rows", 2)),
                report.getList("tables"));
        Instant reportedCutoff = Instant.parse(report.getString("cutoff"));
        assertTrue(Duration.between(cutoff, reportedCutoff).abs().compareTo(Duration.ofMinutes(1)) < 0);
        assertEquals(List.of("kept-1", "kept-2"), strings("select declaration_id from " + SCHEMA
                + ".submission where subject_id = $1 order by declared_at", subject));
        assertEquals(List.of("kept-1", "kept-2"), strings("select declaration_id from " + SCHEMA
                + ".subject_travel where subject_id = $1 order by declared_at", subject));
        assertEquals(0, count("select count(*) from " + SCHEMA + ".submission where declared_at < $1", reportedCutoff));
        assertEquals(0, count("select count(*) from " + SCHEMA + ".subject_travel where declared_at < $1",
                reportedCutoff));
    }

    @Test
    @Order(2)
    void destructionEmptiesEveryTableOfPersonalDataAndKeepsOnlyThatItHappened() throws Exception {
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now())
                .stay("330106", time.today().minusDays(3), time.today().minusDays(2)).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        TraceEvents contact = TraceEvents.contact(subject, 2, "CLOSE", time.now().minusSeconds(7200), time.now())
                .send();
        RiskEvents.await(subject, RiskEvents.causedBy(contact.id()));
        TraceEvents suspected = TraceEvents.caseDecision(subject, UUID.randomUUID().toString(), "SUSPECTED",
                time.now()).send();
        RiskEvents.await(subject, RiskEvents.causedBy(suspected.id()));
        OverrideIT.propose(OverrideIT.PROPOSER, subject, "GREEN", time.now().plus(Duration.ofDays(1)).toString())
                .then().statusCode(201);
        List<String> personal = tables().stream().filter(t -> !KEPT.contains(t)).toList();
        for (String table : personal) {
            if (!table.equals("outbox_event")) { // the relay empties it as Kafka acknowledges
                assertTrue(rows(table) > 0, table + " holds something to destroy");
            }
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "yes please"))
                .post("/v1/admin/destruction").then().statusCode(400);
        assertTrue(rows("risk_state") > 0, "a refused command destroys nothing");
        long rulesBefore = rows("rule_set");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction").then()
                .statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true));
        long overrides = rows("colour_override");
        OverrideIT.propose(OverrideIT.PROPOSER, subject, "GREEN", time.now().plus(Duration.ofDays(1)).toString())
                .then().statusCode(409).body("error", equalTo("EMERGENCY_ENDED"));
        assertEquals(overrides, rows("colour_override"), "an override refused after the end stores nothing");

        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA")).post("/v1/admin/destruction").then()
                .statusCode(200).body("action", equalTo("DESTRUCTION")).extract().jsonPath();

        assertEquals(List.of("risk_state", "submission", "subject_travel", "case_decision", "subject_contact",
                "colour_override", "outbox_event", "audit_entry"), report.getList("tables.table"));
        assertEquals(personal.stream().sorted().toList(),
                report.<String>getList("tables.table").stream().sorted().toList(),
                "every table but the rules, the region levels, the fever clinics and the processed event ids is "
                        + "personal data");
        for (String table : tables()) {
            long expected = table.equals("audit_entry") ? 1 : 0;
            if (!KEPT.contains(table)) {
                assertEquals(expected, rows(table), table);
            }
        }
        assertEquals(List.of("PERSONAL_DATA_DESTROYED"), strings("select action from " + SCHEMA + ".audit_entry"));
        assertEquals(rulesBefore, rows("rule_set"), "the rules are not personal data");
        given().auth().oauth2(TestTokens.staff("authority1", "authority", "330000"))
                .get("/v1/subjects/{id}/risk", subject).then().statusCode(404);
    }

    private void declared(String subject, String declarationId, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        pool.preparedQuery("insert into " + SCHEMA + ".submission (declaration_id, subject_id, kind, declared_at, "
                + "region_code) values ($1, $2, 'FULL', $3, '330106')")
                .execute(Tuple.of(declarationId, subject, when)).await().atMost(Duration.ofSeconds(5));
        LocalDate day = LocalDate.ofInstant(at, PlatformTime.ZONE);
        pool.preparedQuery("insert into " + SCHEMA + ".subject_travel (id, subject_id, declaration_id, region_code, "
                + "from_date, to_date, declared_at) values ($1, $2, $3, '420106', $4, $5, $6)")
                .execute(Tuple.tuple().addValue(UUID.randomUUID()).addValue(subject).addValue(declarationId)
                        .addValue(day.minusDays(3)).addValue(day.minusDays(1)).addValue(when))
                .await().atMost(Duration.ofSeconds(5));
    }

    private List<String> tables() {
        List<String> names = new ArrayList<>();
        for (Row row : pool.preparedQuery("select table_name from information_schema.tables where table_schema = $1"
                + " and table_type = 'BASE TABLE' order by table_name").execute(Tuple.of(SCHEMA))
                .await().atMost(Duration.ofSeconds(5))) {
            names.add(row.getString(0));
        }
        return names;
    }

    private long rows(String table) {
        return pool.query("select count(*) from " + SCHEMA + "." + table).execute().await()
                .atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private long count(String sql, Instant at) {
        return pool.preparedQuery(sql).execute(Tuple.of(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).await()
                .atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(5))) {
            values.add(row.getString(0));
        }
        return values;
    }
}
