package org.healthcode.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

/**
 * Standing down: an authority of a province says a venue type no longer requires a code; every way
 * of scanning there then answers ALLOW, NOT_REQUIRED and records nothing. SCHOOL is this class's
 * own type (no other class scans at schools), and it is required again at the end.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class CodeRequirementIT {

    private static final String AUTHORITY = TestTokens.staff("authority-zj", "authority", "330000");

    @Inject
    Pool pool;

    @Test
    void aStoodDownVenueTypeAdmitsEveryoneAndRecordsNothingUntilItIsRequiredAgain() throws Exception {
        JsonPath venue = Checkpoints.venue("SCHOOL");
        String venueId = venue.getString("id");
        String red = Checkpoints.subject();
        Checkpoints.colour(pool, red, Colour.RED, Instant.now());
        String redCode = Checkpoints.code("k1", "330000", red, Colour.RED, false);

        given().auth().oauth2(AUTHORITY).get("/v1/code-requirements/330000").then().statusCode(200)
                .body("items.find { it.venueType == 'SCHOOL' }.required", equalTo(true));
        require("330000", "SCHOOL", false).statusCode(200).body("province", equalTo("330000"))
                .body("venueType", equalTo("SCHOOL")).body("required", equalTo(false))
                .body("changedBy", equalTo("authority-zj"));
        given().auth().oauth2(Checkpoints.STAFF).get("/v1/code-requirements/330000").then().statusCode(200)
                .body("items.find { it.venueType == 'SCHOOL' }.required", equalTo(false))
                .body("items.find { it.venueType == 'MALL' }.required", equalTo(true));

        // A red code, a red person by document, a red person checking in with a companion: all admitted.
        Checkpoints.scan(redCode, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("reason", equalTo("NOT_REQUIRED")).body("colour", nullValue()).body("subjectId", nullValue());
        Checkpoints.scan("not-a-code", venueId, Checkpoints.scanId()).statusCode(200)
                .body("decision", equalTo("ALLOW")).body("reason", equalTo("NOT_REQUIRED"));
        Checkpoints.gatewayFor("checkpoint-zj", "330000")
                .body(Map.of("subjectId", red, "venueId", venueId, "scanId", Checkpoints.scanId()))
                .post("/v1/scans/subject").then().statusCode(200).body("decision", equalTo("ALLOW"))
                .body("reason", equalTo("NOT_REQUIRED")).body("colour", nullValue());
        String companion = Checkpoints.subject();
        checkin(red, venue.getString("posterCode"), List.of(companion)).statusCode(200)
                .body("venueId", equalTo(venueId)).body("decision", equalTo("ALLOW"))
                .body("reason", equalTo("NOT_REQUIRED")).body("colour", nullValue())
                .body("companions.subjectId", contains(companion)).body("companions.colour", contains((Object) null));

        assertEquals(0L, Checkpoints.count(pool, "select count(*) from scan_attempt where venue_id = $1",
                UUID.fromString(venueId)), "no attempt, no visit");
        assertEquals(0L, Checkpoints.count(pool,
                "select count(*) from audit_entry where subject_id = $1 or subject_id = $2", red, companion),
                "no ID-card lookup in the trail");

        // Still required at the province's other types; and required again at schools, the scan counts.
        JsonPath mall = Checkpoints.venue("MALL");
        Checkpoints.scan(redCode, mall.getString("id"), Checkpoints.scanId()).statusCode(200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("COLOUR_RED"));
        require("330000", "SCHOOL", true).statusCode(200).body("required", equalTo(true));
        Checkpoints.scan(redCode, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED"));
        assertEquals(1L, Checkpoints.count(pool, "select count(*) from scan_attempt where venue_id = $1",
                UUID.fromString(venueId)));
        assertEquals(2, Checkpoints.published(red, 3, Duration.ofSeconds(3)).size(),
                "the two recorded scans (mall, school) published, none of the stood-down ones");

        JsonPath trail = given().auth().oauth2(Checkpoints.ADMIN).queryParam("actor", "authority-zj").get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CODE_REQUIREMENT_CHANGED", "CODE_REQUIREMENT_CHANGED"), trail.getList("action"));
        assertEquals(List.of("SCHOOL", "SCHOOL"), trail.getList("object"));
        assertEquals(List.of("required=false", "required=true"), trail.getList("detail"));
    }

    @Test
    void onlyAnAuthorityOfTheProvinceDecidesAndBadInputChangesNothing() {
        String shanghai = "authority-sh-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.staff(shanghai, "authority", "310000")).contentType(ContentType.JSON)
                .body(Map.of("required", false)).put("/v1/code-requirements/330000/MALL")
                .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(Checkpoints.ADMIN).queryParam("actor", shanghai).get("/v1/audit").then().statusCode(200)
                .body("action", contains("CROSS_PROVINCE_READ")).body("outcome", contains("REFUSED"));
        given().auth().oauth2(Checkpoints.STAFF).contentType(ContentType.JSON).body(Map.of("required", false))
                .put("/v1/code-requirements/330000/MALL").then().statusCode(403);
        require("330000", "CINEMA", false).statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details[0].field", equalTo("venueType"));
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body(Map.of("required", "no"))
                .put("/v1/code-requirements/330000/MALL").then().statusCode(400);
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body("{}")
                .put("/v1/code-requirements/330000/MALL").then().statusCode(400)
                .body("details[0].field", equalTo("required"));
        require("339999", "MALL", false).statusCode(400).body("details[0].field", equalTo("province"));

        given().auth().oauth2(AUTHORITY).get("/v1/code-requirements/330000").then().statusCode(200)
                .body("items.find { it.venueType == 'MALL' }.required", equalTo(true));
    }

    private static ValidatableResponse require(String province, String type, boolean required) {
        return given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body(Map.of("required", required))
                .put("/v1/code-requirements/" + province + "/" + type).then();
    }

    private static ValidatableResponse checkin(String subjectId, String venueCode, List<String> companions) {
        Map<String, Object> body = new HashMap<>();
        body.put("venueCode", venueCode);
        body.put("subjectId", subjectId);
        body.put("companions", companions);
        body.put("checkinId", "chk-" + UUID.randomUUID());
        return Checkpoints.gatewayFor("account-" + subjectId, null).body(body).post("/v1/venue-checkins").then();
    }
}
