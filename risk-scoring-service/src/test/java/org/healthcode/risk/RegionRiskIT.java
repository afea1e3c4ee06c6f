package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class RegionRiskIT {

    static final String AUTHORITY = TestTokens.staff("authority1", "authority", "330000");

    final PlatformTime time = new PlatformTime();

    @Test
    void travelToARegionLaterMarkedHighTurnsRedUntilFourteenDaysAfterLeavingAndLowTurnsItBack() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        LocalDate left = time.today().minusDays(3);
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now())
                .stay("420106", left.minusDays(2), left).send();
        String subject = declaration.subjectId();
        assertEquals("GREEN", RiskEvents.await(subject, RiskEvents.causedBy(declaration.id())).get("colour").asText());

        Instant marked = Instant.parse(setLevel("420100", "HIGH").then().statusCode(200)
                .body("regionCode", equalTo("420100")).body("level", equalTo("HIGH"))
                .extract().path("updatedAt"));

        JsonNode red = RiskEvents.await(subject, RiskEvents.colour("RED"));
        JsonNode reason = red.get("reasons").get(0);
        assertEquals("HIGH_RISK_TRAVEL", reason.get("code").asText());
        assertEquals(marked, RiskEvents.instant(reason.get("since")), "known from the marking");
        assertEquals(time.startOf(left.plusDays(14)), RiskEvents.instant(reason.get("until")));
        assertEquals(time.startOf(left.plusDays(14)), RiskEvents.instant(red.get("quarantineUntil")));
        assertEquals("GREEN", red.get("previousColour").asText());
        assertTrue(red.get("causeEventId").isNull(), "caused by the region change, not by an event");
        // who marked it, and from what, is in the marking authority's province's trail (Hubei's region, Zhejiang's list)
        List<Map<String, Object>> marked420100 = AuditLog.by("authority1", "330000").stream()
                .filter(e -> "REGION_RISK_SET".equals(e.get("action")) && "420100".equals(e.get("object"))).toList();
        assertEquals("LOW -> HIGH", marked420100.get(marked420100.size() - 1).get("detail"));

        given().auth().oauth2(TestTokens.citizen("citizen-1")).get("/v1/regions/risk")
                .then().statusCode(200).body("items.regionCode", hasItem("420100"));
        given().auth().oauth2(AUTHORITY).get("/v1/subjects/{id}/risk", subject)
                .then().statusCode(200).body("colour", equalTo("RED"))
                .body("reasons.code", contains("HIGH_RISK_TRAVEL")).body("subjectId", equalTo(subject));

        setLevel("420100", "LOW").then().statusCode(200).body("level", equalTo("LOW"));
        JsonNode green = RiskEvents.await(subject, RiskEvents.colour("GREEN").and(e -> "RED".equals(
                e.path("previousColour").asText())));
        assertEquals(0, green.get("reasons").size());
        given().auth().oauth2(AUTHORITY).get("/v1/regions/risk")
                .then().statusCode(200).body("items.regionCode", not(hasItem("420100")));
    }

    @Test
    void anUnknownRegionOrLevelIsRefusedNamingTheField() {
        setLevel("999999", "EXTREME").then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", containsInAnyOrder("code", "level"));
        setLevel("330106", "high").then().statusCode(400).body("details.field", contains("level"));
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body("{}").put("/v1/regions/330106/risk")
                .then().statusCode(400).body("details.field", contains("level"));
    }

    @Test
    void onlyTheAuthoritySetsRegionRisk() {
        given().auth().oauth2(TestTokens.citizen("citizen-1")).contentType(ContentType.JSON)
                .body("{\"level\":\"HIGH\"}").put("/v1/regions/330106/risk").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("checkpoint1", "checkpoint", "330000")).contentType(ContentType.JSON)
                .body("{\"level\":\"HIGH\"}").put("/v1/regions/330106/risk").then().statusCode(403);
    }

    @Test
    void aSubjectsRiskIsForTheAuthorityAndAdminsOfItsProvince() throws Exception {
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));

        given().auth().oauth2(TestTokens.staff("admin1", "admin", "330000")).get("/v1/subjects/{id}/risk", subject)
                .then().statusCode(200).body("colour", equalTo("GREEN")).body("causeEventId", equalTo(declaration.id()));
        given().auth().oauth2(TestTokens.staff("admin-nowhere", "admin", null)).get("/v1/subjects/{id}/risk", subject)
                .then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
        given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000")).get("/v1/subjects/{id}/risk", subject)
                .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(TestTokens.staff("authority-sh", "authority", "310000"))
                .get("/v1/subjects/{id}/risk", subject).then().statusCode(403)
                .body("error", equalTo("FORBIDDEN_PROVINCE"));
        List<Map<String, Object>> refused = AuditLog.about(subject, "330000", "CROSS_PROVINCE_READ");
        assertEquals(2, refused.size(), "the refusals are audited");
        assertEquals("admin-sh", refused.get(0).get("actor"));
        assertEquals("authority-sh", refused.get(1).get("actor"));
        assertEquals("REFUSED", refused.get(0).get("outcome"));
        given().auth().oauth2(TestTokens.staff("authority-x", "authority", null))
                .get("/v1/subjects/{id}/risk", subject).then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
        given().auth().oauth2(TestTokens.citizen("citizen-1")).get("/v1/subjects/{id}/risk", subject)
                .then().statusCode(403);
        given().auth().oauth2(AUTHORITY).get("/v1/subjects/{id}/risk", Declarations.newSubjectId())
                .then().statusCode(404).body("error", equalTo("SUBJECT_NOT_FOUND"));
    }

    private static io.restassured.response.Response setLevel(String code, String level) {
        return given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body("{\"level\":\"" + level + "\"}").put("/v1/regions/{code}/risk", code);
    }
}
