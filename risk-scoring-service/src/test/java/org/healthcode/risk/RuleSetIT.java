package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Rule versions of one province (Hainan, 460000, which no other test uses): dry-run, published
 * ahead, taking effect at their time, on real Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class RuleSetIT {

    static final String PROVINCE = "460000";
    static final String AUTHORITY = TestTokens.staff("authority-hn", "authority", PROVINCE);

    final PlatformTime time = new PlatformTime();

    @Test
    void aVersionIsDryRunPublishedAheadAndRecoloursTheProvinceAtItsEffectiveTime() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations contact = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("460105")
                .contactWithCase().send();
        Declarations harmless = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("460106").send();
        assertEquals("RED", RiskEvents.await(contact.subjectId(), RiskEvents.causedBy(contact.id()))
                .get("colour").asText());
        assertEquals("GREEN", RiskEvents.await(harmless.subjectId(), RiskEvents.causedBy(harmless.id()))
                .get("colour").asText());
        given().auth().oauth2(AUTHORITY).get("/v1/rule-sets").then().statusCode(200)
                .body("province", equalTo(List.of("*"))).body("version", equalTo(List.of(1)))
                .body("status", equalTo(List.of("ACTIVE"))).body("[0].definition.lookBackDays", equalTo(14));
        ObjectNode declaredContactYellow = version1();
        ((ObjectNode) declaredContactYellow.get("reasons").get("DECLARED_CONTACT")).put("colour", "YELLOW");

        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("definition", declaredContactYellow)).post("/v1/rule-sets/dry-run").then()
                .statusCode(200).body("province", equalTo(PROVINCE)).body("subjects", equalTo(2))
                .body("changes", equalTo(List.of(Map.of("from", "RED", "to", "YELLOW", "count", 1))))
                .body("unchanged", equalTo(1));
        given().auth().oauth2(AUTHORITY).get("/v1/rule-sets").then().statusCode(200)
                .body("version", equalTo(List.of(1)));

        publish(declaredContactYellow, time.now().plus(Duration.ofHours(23))).then().statusCode(400)
                .body("error", equalTo("TOO_SOON")).body("details.field", equalTo(List.of("effectiveFrom")));
        Instant effective = time.now().plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.SECONDS);
        publish(declaredContactYellow, effective).then().statusCode(201).body("province", equalTo(PROVINCE))
                .body("version", equalTo(2)).body("effectiveFrom", equalTo(effective.toString()));
        publish(declaredContactYellow, effective.minus(Duration.ofMinutes(30))).then().statusCode(409)
                .body("error", equalTo("SCHEDULE_CONFLICT"));
        JsonPath listed = given().auth().oauth2(AUTHORITY).get("/v1/rule-sets").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("*", PROVINCE), listed.getList("province"));
        assertEquals(List.of("ACTIVE", "SCHEDULED"), listed.getList("status"));
        assertEquals("authority-hn", listed.getString("[1].publishedBy"));
        assertEquals("YELLOW", listed.getString("[1].definition.reasons.DECLARED_CONTACT.colour"));
        List<Map<String, Object>> published = AuditLog.by("authority-hn", PROVINCE);
        assertEquals("RULE_SET_PUBLISHED", published.get(0).get("action"));
        assertEquals("v2", published.get(0).get("object"));
        assertEquals(PROVINCE, published.get(0).get("province"));
        given().auth().oauth2(TestTokens.staff("authority1", "authority", "330000")).get("/v1/rule-sets").then()
                .statusCode(200).body("version", equalTo(List.of(1))); // another province's versions are not listed

        time.advance(Duration.ofHours(26));

        JsonNode yellow = RiskEvents.await(contact.subjectId(), e -> e.path("ruleSetVersion").asInt() == 2);
        assertEquals("YELLOW", yellow.get("colour").asText());
        assertEquals("RED", yellow.get("previousColour").asText());
        assertTrue(yellow.get("causeEventId").isNull());
        Map<String, Object> change = AuditLog.about(contact.subjectId(), PROVINCE, "COLOUR_CHANGED").stream()
                .reduce((first, second) -> second).orElseThrow();
        assertEquals("rule-set-v2", change.get("actor"));
        assertEquals("RED->YELLOW cause=review rules=v2 reasons=DECLARED_CONTACT", change.get("detail"));
        awaitVersion(harmless.subjectId(), 2);
        given().auth().oauth2(AUTHORITY).get("/v1/subjects/{id}/risk", harmless.subjectId()).then()
                .statusCode(200).body("colour", equalTo("GREEN"));
        given().auth().oauth2(AUTHORITY).get("/v1/rule-sets").then().statusCode(200)
                .body("status", equalTo(List.of("SUPERSEDED", "ACTIVE")));
    }

    @Test
    void aBadDefinitionIsRefusedNamingItsFieldsAndNothingIsPublished() throws Exception {
        ObjectNode bad = version1();
        ((ObjectNode) bad.get("reasons")).putObject("NEW_VARIANT").put("colour", "RED").put("durationDays", 3);
        ((ObjectNode) bad.get("reasons").get("CLOSE_CONTACT")).put("colour", "BLACK").put("durationDays", -14);
        List<Object> before = versions();

        for (String path : List.of("/v1/rule-sets/dry-run", "/v1/rule-sets")) {
            given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                    .body(Map.of("definition", bad, "effectiveFrom", time.now().plus(Duration.ofDays(2)).toString()))
                    .post(path).then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                    .body("details.field", equalTo(List.of("definition.reasons.NEW_VARIANT",
                            "definition.reasons.CLOSE_CONTACT.colour",
                            "definition.reasons.CLOSE_CONTACT.durationDays")));
        }
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body(Map.of("definition", version1()))
                .post("/v1/rule-sets").then().statusCode(400).body("details.field", equalTo(List.of("effectiveFrom")));
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body("{}").post("/v1/rule-sets/dry-run").then()
                .statusCode(400).body("details.field", equalTo(List.of("definition")));
        assertEquals(before, versions(), "nothing published");
    }

    @Test
    void anEffectiveTimeBeyondAYearOrOutOfTheCalendarIsRefusedAndNothingIsPublished() throws Exception {
        List<Object> before = versions();
        for (Object effectiveFrom : new Object[] {"+100000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                time.now().plus(Duration.ofDays(366)).toString(), 1795000000}) {
            given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                    .body(Map.of("definition", version1(), "effectiveFrom", effectiveFrom)).post("/v1/rule-sets")
                    .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                    .body("details.field", equalTo(List.of("effectiveFrom")));
        }
        assertEquals(before, versions(), "nothing published");
    }

    @Test
    void onlyTheAuthorityPublishesAndDryRuns() throws Exception {
        String admin = TestTokens.staff("admin-hn", "admin", PROVINCE);
        given().auth().oauth2(admin).get("/v1/rule-sets").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("definition", version1()))
                .post("/v1/rule-sets/dry-run").then().statusCode(403);
        given().auth().oauth2(TestTokens.citizen("citizen-1")).get("/v1/rule-sets").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("authority-x", "authority", null)).get("/v1/rule-sets").then()
                .statusCode(403).body("error", equalTo("NO_PROVINCE"));
    }

    private static List<Object> versions() {
        return given().auth().oauth2(AUTHORITY).get("/v1/rule-sets").then().statusCode(200).extract().jsonPath()
                .getList("version");
    }

    private void awaitVersion(String subject, int version) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Integer current = given().auth().oauth2(AUTHORITY).get("/v1/subjects/{id}/risk", subject).then()
                    .statusCode(200).extract().path("ruleSetVersion");
            if (current == version) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the subject's state never recorded rule version " + version);
    }

    private static Response publish(JsonNode definition, Instant effectiveFrom) {
        return given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("definition", definition, "effectiveFrom", effectiveFrom.toString()))
                .post("/v1/rule-sets");
    }

    static ObjectNode version1() throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V2__default_rule_set.sql"));
        return (ObjectNode) Declarations.JSON.readTree(sql.substring(sql.indexOf("$${") + 2,
                sql.lastIndexOf("}$$") + 1));
    }
}
