package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Four-eyes colour overrides on real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class OverrideIT {

    static final String PROPOSER = TestTokens.staff("authority1", "authority", "330000");
    static final String APPROVER = TestTokens.staff("authority2", "authority", "330000");
    static final String SHANGHAI = TestTokens.staff("authority-sh", "authority", "310000");
    static final String JUSTIFICATION = "申报有误：电话核实未接触病例";

    @Inject
    Pool pool;

    final PlatformTime time = new PlatformTime();

    @Test
    void aSecondAuthorityApprovesAGreenThatCorrectsAWrongfulRedUntilItsEnd() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = red();
        Instant until = time.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

        JsonPath proposed = propose(PROPOSER, subject, "GREEN", until.toString()).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("subjectId", equalTo(subject))
                .body("colour", equalTo("GREEN")).body("proposedBy", equalTo("authority1"))
                .body("decidedBy", nullValue()).extract().jsonPath();
        String id = proposed.getString("id");
        assertEquals(until, Instant.parse(proposed.getString("until")));
        assertEquals(until, Instant.parse(proposed.getString("expiresAt")), "it cannot be approved after its end");

        decide(PROPOSER, id, "approve").then().statusCode(403).body("error", equalTo("SELF_APPROVAL"));
        decide(PROPOSER, id, "reject").then().statusCode(403).body("error", equalTo("SELF_APPROVAL"));
        decide(SHANGHAI, id, "approve").then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(APPROVER).queryParam("status", "PROPOSED").get("/v1/overrides").then()
                .statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(SHANGHAI).get("/v1/overrides").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        JsonPath approved = decide(APPROVER, id, "approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("authority2"))
                .body("note", equalTo("checked")).extract().jsonPath();
        Instant approvedAt = Instant.parse(approved.getString("decidedAt"));

        JsonNode green = RiskEvents.await(subject, RiskEvents.colour("GREEN"));
        assertEquals("RED", green.get("previousColour").asText());
        assertTrue(green.get("causeEventId").isNull(), "no inbound event: the approval");
        assertEquals(List.of("MANUAL_OVERRIDE", "DECLARED_CONTACT"), codes(green));
        JsonNode manual = green.get("reasons").get(0);
        assertEquals("GREEN", manual.get("colour").asText());
        assertEquals(approvedAt, RiskEvents.instant(manual.get("since")));
        assertEquals(until, RiskEvents.instant(manual.get("until")));
        decide(APPROVER, id, "approve").then().statusCode(409).body("error", equalTo("ALREADY_DECIDED"));
        given().auth().oauth2(APPROVER).queryParam("status", "APPROVED").get("/v1/overrides").then()
                .statusCode(200).body("items.id", hasItem(id));

        List<Map<String, Object>> trail = AuditLog.about(subject, "330000");
        assertEquals(List.of("authority1"), actors(trail, "OVERRIDE_PROPOSED"));
        assertEquals(List.of("authority2"), actors(changes(trail), "OVERRIDE_APPROVED"));
        List<Map<String, Object>> selfApproval = trail.stream().filter(e -> "REFUSED".equals(e.get("outcome"))
                && "SELF_APPROVAL".equals(e.get("detail"))).toList();
        assertEquals(List.of("OVERRIDE_APPROVED", "OVERRIDE_REJECTED"),
                selfApproval.stream().map(e -> e.get("action")).toList(), "the attempts are on record");
        assertEquals(List.of("authority1", "authority1"), selfApproval.stream().map(e -> e.get("actor")).toList());
        Map<String, Object> change = last(trail, "COLOUR_CHANGED");
        assertEquals("authority2", change.get("actor"));
        assertEquals("CHANGED", change.get("outcome"));
        assertEquals("RED->GREEN cause=override:" + id + " rules=v1 reasons=MANUAL_OVERRIDE,DECLARED_CONTACT",
                change.get("detail"));
        assertTrue(trail.stream().noneMatch(e -> String.valueOf(e.get("detail")).contains("申报")),
                "the justification is never written to the trail");
        List<Map<String, Object>> refused = AuditLog.by("authority-sh", "330000");
        assertEquals("CROSS_PROVINCE_READ", refused.get(refused.size() - 1).get("action"));
        assertEquals("REFUSED", refused.get(refused.size() - 1).get("outcome"));
        assertEquals(id, refused.get(refused.size() - 1).get("object"));

        time.advance(Duration.ofHours(3));

        JsonNode redAgain = RiskEvents.await(subject, RiskEvents.colour("RED").and(e -> "GREEN".equals(
                e.path("previousColour").asText())));
        assertEquals(List.of("DECLARED_CONTACT"), codes(redAgain), "evaluated as usual once it ended");
        assertEquals("risk-review", last(AuditLog.about(subject, "330000"), "COLOUR_CHANGED").get("actor"));
    }

    @Test
    void aProposalNotApprovedBeforeItsEndHasExpired() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = red();
        String id = propose(PROPOSER, subject, "YELLOW", time.now().plus(Duration.ofHours(1)).toString()).then()
                .statusCode(201).extract().path("id");

        time.advance(Duration.ofHours(2));

        decide(APPROVER, id, "approve").then().statusCode(409).body("error", equalTo("PROPOSAL_EXPIRED"));
        given().auth().oauth2(APPROVER).queryParam("status", "EXPIRED").get("/v1/overrides").then()
                .statusCode(200).body("items.find { it.id == '" + id + "' }.status", equalTo("EXPIRED"));
        given().auth().oauth2(APPROVER).queryParam("status", "PROPOSED").get("/v1/overrides").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(APPROVER).get("/v1/subjects/{id}/risk", subject).then().statusCode(200)
                .body("colour", equalTo("RED"));
    }

    @Test
    void aRejectedProposalChangesNoColour() throws Exception {
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        JsonPath proposed = propose(PROPOSER, subject, "RED", time.now().plus(Duration.ofDays(4)).toString()).then()
                .statusCode(201).extract().jsonPath();
        String id = proposed.getString("id");
        assertEquals(Instant.parse(proposed.getString("proposedAt")).plus(Duration.ofHours(72)),
                Instant.parse(proposed.getString("expiresAt")), "a proposal waits 72 hours for a decision");

        decide(APPROVER, id, "reject").then().statusCode(200).body("status", equalTo("REJECTED"));

        decide(APPROVER, id, "approve").then().statusCode(409).body("error", equalTo("ALREADY_DECIDED"));
        given().auth().oauth2(APPROVER).get("/v1/subjects/{id}/risk", subject).then().statusCode(200)
                .body("colour", equalTo("GREEN")).body("reasons.size()", equalTo(0));
        assertEquals(List.of("authority2"), actors(changes(AuditLog.about(subject, "330000")), "OVERRIDE_REJECTED"));
        assertTrue(AuditLog.about(subject, "330000", "COLOUR_CHANGED").stream()
                .noneMatch(e -> "authority2".equals(e.get("actor"))));
    }

    @Test
    void badProposalsAreRefusedAndStoreNothing() throws Exception {
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));

        given().auth().oauth2(PROPOSER).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "colour", "PINK", "justification", "x".repeat(501),
                        "until", time.now().plus(Duration.ofDays(31)).toString()))
                .post("/v1/overrides").then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", equalTo(List.of("colour", "justification", "until")));
        given().auth().oauth2(PROPOSER).contentType(ContentType.JSON).body("{}").post("/v1/overrides").then()
                .statusCode(400).body("details.field", equalTo(List.of("subjectId", "colour", "justification",
                        "until")));
        propose(PROPOSER, Declarations.newSubjectId(), "RED", time.now().plus(Duration.ofDays(1)).toString())
                .then().statusCode(404).body("error", equalTo("SUBJECT_NOT_FOUND"));
        propose(SHANGHAI, subject, "RED", time.now().plus(Duration.ofDays(1)).toString())
                .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        propose(TestTokens.citizen("citizen-1"), subject, "GREEN", time.now().plus(Duration.ofDays(1)).toString())
                .then().statusCode(403);
        decide(APPROVER, "00000000-0000-0000-0000-000000000000", "approve").then().statusCode(404)
                .body("error", equalTo("OVERRIDE_NOT_FOUND"));
        decide(APPROVER, "not-an-id", "approve").then().statusCode(404).body("error", equalTo("OVERRIDE_NOT_FOUND"));
        given().auth().oauth2(APPROVER).queryParam("status", "LOST").get("/v1/overrides").then().statusCode(400)
                .body("details.field", equalTo(List.of("status")));

        assertEquals(0, pool.preparedQuery("select count(*) from risk_scoring.colour_override where subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0));
        List<Map<String, Object>> refused = AuditLog.about(subject, "330000", "CROSS_PROVINCE_READ");
        assertEquals(1, refused.size(), "the other province's proposal");
        assertEquals("authority-sh", refused.get(0).get("actor"));
        assertEquals("REFUSED", refused.get(0).get("outcome"));
    }

    /** A subject who declared contact with a case: red. */
    private String red() throws Exception {
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).contactWithCase()
                .send();
        assertEquals("RED", RiskEvents.await(declaration.subjectId(), RiskEvents.causedBy(declaration.id()))
                .get("colour").asText());
        return declaration.subjectId();
    }

    static Response propose(String token, String subject, String colour, String until) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "colour", colour, "justification", JUSTIFICATION, "until", until))
                .post("/v1/overrides");
    }

    static Response decide(String token, String id, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "checked"))
                .post("/v1/overrides/{id}/" + decision, id);
    }

    private static List<String> codes(JsonNode event) {
        return event.get("reasons").findValuesAsText("code");
    }

    private static List<Object> actors(List<Map<String, Object>> trail, String action) {
        return trail.stream().filter(e -> action.equals(e.get("action"))).map(e -> e.get("actor")).toList();
    }

    private static List<Map<String, Object>> changes(List<Map<String, Object>> trail) {
        return trail.stream().filter(e -> "CHANGED".equals(e.get("outcome"))).toList();
    }

    private static Map<String, Object> last(List<Map<String, Object>> trail, String action) {
        List<Map<String, Object>> matching = trail.stream().filter(e -> action.equals(e.get("action"))).toList();
        return matching.get(matching.size() - 1);
    }
}
