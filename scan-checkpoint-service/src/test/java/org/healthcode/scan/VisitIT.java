package org.healthcode.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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

/** Visits without a scanned code: staff look a person up by document; a citizen checks in at a poster with companions. */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class VisitIT {

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void anIdCardLookupIsDecidedByTheColourNowAndAuditedOnceInTheAppendOnlyTrail() throws Exception {
        String venueId = Checkpoints.venue("RESIDENTIAL_COMMUNITY").getString("id");
        String subject = Checkpoints.subject();
        Checkpoints.colour(pool, subject, Colour.GREEN, Instant.now());
        String scanId = Checkpoints.scanId();

        JsonPath answer = idCard(subject, venueId, scanId).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("colour", equalTo("GREEN")).body("subjectId", equalTo(subject)).body("province", equalTo("330000"))
                .extract().jsonPath();
        idCard(subject, venueId, scanId).statusCode(200).body("at", equalTo(answer.getString("at")));

        // Who, whom, when, where, why: once, though the scan was retried; an admin of the province reads it.
        JsonPath trail = given().auth().oauth2(Checkpoints.ADMIN).queryParam("subjectId", subject).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ID_CARD_LOOKUP"), trail.getList("action"), "audited once");
        assertEquals("checkpoint-zj", trail.getString("[0].actor"));
        assertEquals("ALLOWED", trail.getString("[0].outcome"));
        assertEquals(venueId, trail.getString("[0].object"), "where");
        assertEquals("330000", trail.getString("[0].province"));
        assertEquals(Instant.parse(answer.getString("at")), Instant.parse(trail.getString("[0].at")), "when");
        assertEquals("CHECKPOINT_ID_CARD scan=" + scanId, trail.getString("[0].detail"), "why, and which scan");
        given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000")).queryParam("subjectId", subject)
                .get("/v1/audit").then().statusCode(200).body("size()", equalTo(0));
        JsonNode data = json.readTree(Checkpoints.published(subject, 2, Duration.ofSeconds(6)).get(0).value()).get("data");
        assertEquals("ID_CARD", data.get("mode").asText());
        assertEquals(1, Checkpoints.published(subject, 2, Duration.ofSeconds(2)).size());

        for (String change : new String[] {"update audit_entry set subject_id = 'x' where subject_id = $1",
                "delete from audit_entry where subject_id = $1"}) {
            assertThrows(Exception.class, () -> pool.preparedQuery(change).execute(Tuple.of(subject))
                    .await().atMost(Duration.ofSeconds(10)), change);
        }
        assertEquals(1L, Checkpoints.count(pool, "select count(*) from audit_entry where subject_id = $1", subject));

        String unknown = Checkpoints.subject();
        idCard(unknown, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_COLOUR")).body("colour", nullValue());
        Checkpoints.gatewayFor("checkpoint-zj", "330000")
                .body(Map.of("subjectId", "张三", "venueId", venueId, "scanId", Checkpoints.scanId()))
                .post("/v1/scans/subject").then().statusCode(400).body("details[0].field", equalTo("subjectId"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("张三")));
    }

    @Test
    void aGuardianChecksInWithCompanionsAndEachIsOneVisitWithTheirColour() throws Exception {
        JsonPath venue = Checkpoints.venue("TRAIN");
        String guardian = Checkpoints.subject();
        String child = Checkpoints.subject();
        String elder = Checkpoints.subject();
        Checkpoints.colour(pool, guardian, Colour.GREEN, Instant.now());
        Checkpoints.colour(pool, elder, Colour.YELLOW, Instant.now());
        String checkinId = "chk-" + UUID.randomUUID();

        checkin(guardian, venue.getString("posterCode"), List.of(child, elder), checkinId).statusCode(200)
                .body("venueId", equalTo(venue.getString("id"))).body("venueName", equalTo(venue.getString("name")))
                .body("colour", equalTo("GREEN")).body("gold", equalTo(false))
                .body("companions.subjectId", contains(child, elder))
                .body("companions.colour", contains(null, "YELLOW"));

        assertEquals("VENUE_CHECKIN", mode(guardian));
        assertEquals("COMPANION", mode(child));
        assertEquals("COMPANION", mode(elder));
        JsonNode elderVisit = json.readTree(Checkpoints.published(elder, 1, Duration.ofSeconds(20)).get(0).value())
                .get("data");
        assertEquals(checkinId + ":" + elder, elderVisit.get("scanId").asText(), "one visit per person");
        assertEquals("TRAIN", elderVisit.get("venueType").asText());
        assertEquals("DENY", elderVisit.get("decision").asText());

        // The app retries: the same answers, no new visits.
        checkin(guardian, venue.getString("posterCode"), List.of(child, elder), checkinId).statusCode(200)
                .body("colour", equalTo("GREEN")).body("companions.colour", contains(null, "YELLOW"));
        for (String person : List.of(guardian, child, elder)) {
            assertEquals(1, Checkpoints.published(person, 2, Duration.ofSeconds(2)).size(), "one visit each");
        }
        assertEquals(3L, Checkpoints.count(pool, "select count(*) from scan_attempt where scan_id like $1", checkinId + ":%"));
    }

    @Test
    void aForgedOrAlteredPosterIsRefused() {
        JsonPath venue = Checkpoints.venue("MALL");
        String code = venue.getString("posterCode");
        String otherVenue = code.replace(venue.getString("id"), UUID.randomUUID().toString());
        char last = code.charAt(code.length() - 1);
        String otherMac = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String forged : new String[] {otherVenue, otherMac, "HCV1." + venue.getString("id"), "https://evil.example/"}) {
            checkin(Checkpoints.subject(), forged, List.of(), "chk-" + UUID.randomUUID()).statusCode(400)
                    .body("error", equalTo("INVALID_VENUE_CODE"));
        }
        String subject = Checkpoints.subject();
        checkin(subject, code, List.of(subject, "bad"), "chk-1").statusCode(400)
                .body("details.field", contains("companions[0]", "companions[1]"));
        given().auth().oauth2(Checkpoints.STAFF).contentType(ContentType.JSON)
                .body(Map.of("venueCode", code, "subjectId", subject, "checkinId", "chk-2"))
                .post("/v1/venue-checkins").then().statusCode(403);
    }

    /**
     * A scan of a bare subjectId, and a venue check-in naming subjects, are the platform's alone (the
     * gateway, after declaration-service resolved an ID card or named the citizen's dependents). With a
     * person's token, whatever the role, nothing is recorded and nothing is published.
     */
    @Test
    void aPersonsTokenRecordsNoScanOfABareSubjectAndChecksNobodyIn() throws Exception {
        String venueId = Checkpoints.venue("MALL").getString("id");
        String code = Checkpoints.venue("PARK").getString("posterCode");
        String subject = Checkpoints.subject();
        for (String token : List.of(Checkpoints.STAFF, TestTokens.citizen("account-" + subject),
                TestTokens.staff("au", "authority", "330000"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("subjectId", subject, "venueId", venueId, "scanId", Checkpoints.scanId()))
                    .post("/v1/scans/subject").then().statusCode(403).body("error", equalTo("FORBIDDEN"));
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("venueCode", code, "subjectId", subject, "checkinId", "chk-" + UUID.randomUUID()))
                    .post("/v1/venue-checkins").then().statusCode(403).body("error", equalTo("FORBIDDEN"));
        }
        // the platform's identity must still say on whose behalf it acts
        given().auth().oauth2(Checkpoints.GATEWAY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "venueId", venueId, "scanId", Checkpoints.scanId()))
                .post("/v1/scans/subject").then().statusCode(403).body("error", equalTo("NO_PRINCIPAL"));
        assertEquals(0L, Checkpoints.count(pool, "select count(*) from scan_attempt where subject_id = $1", subject));
        assertTrue(Checkpoints.published(subject, 1, Duration.ofSeconds(2)).isEmpty(), "nothing on scan-recorded");
    }

    private String mode(String subject) throws Exception {
        return json.readTree(Checkpoints.published(subject, 1, Duration.ofSeconds(20)).get(0).value())
                .get("data").get("mode").asText();
    }

    private static ValidatableResponse idCard(String subjectId, String venueId, String scanId) {
        return Checkpoints.gatewayFor("checkpoint-zj", "330000")
                .body(Map.of("subjectId", subjectId, "venueId", venueId, "scanId", scanId)).post("/v1/scans/subject").then();
    }

    private static ValidatableResponse checkin(String subjectId, String venueCode, List<String> companions,
            String checkinId) {
        Map<String, Object> body = new HashMap<>();
        body.put("venueCode", venueCode);
        body.put("subjectId", subjectId);
        body.put("companions", companions);
        body.put("checkinId", checkinId);
        return Checkpoints.gatewayFor("account-" + subjectId, null).body(body).post("/v1/venue-checkins").then();
    }
}
