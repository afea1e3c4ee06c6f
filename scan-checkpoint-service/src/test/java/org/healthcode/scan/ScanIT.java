package org.healthcode.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

/** An operator scans citizens' codes at a venue: offline verification, the colour now, one answer per scan id. */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class ScanIT {

    private static final Duration SETTLE = Duration.ofSeconds(4);
    private static final Set<String> EVENT_FIELDS = new TreeSet<>(Set.of("scanId", "subjectId", "venueId", "venueType",
            "regionCode", "at", "mode", "colourAtScan", "decision", "province", "homeProvince"));

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void aValidGreenCodeIsAllowedLoggedAndPublishedOnceEvenWhenRetried() throws Exception {
        JsonPath venue = Checkpoints.venue("MALL");
        String venueId = venue.getString("id");
        String subject = Checkpoints.subject();
        String token = Checkpoints.code("k1", "330000", subject, Colour.GREEN, true);
        String scanId = Checkpoints.scanId();

        JsonPath answer = Checkpoints.scan(token, venueId, scanId).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("scanId", equalTo(scanId)).body("decision", equalTo("ALLOW")).body("reason", nullValue())
                .body("colour", equalTo("GREEN")).body("gold", equalTo(true)).body("subjectId", equalTo(subject))
                .body("province", equalTo("330000")).extract().jsonPath();

        ConsumerRecord<String, String> record = Checkpoints.published(subject, 1, Duration.ofSeconds(20)).get(0);
        JsonNode event = json.readTree(record.value());
        assertEquals("cn.healthcode.scan-recorded", event.get("type").asText());
        assertEquals(subject, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(scanId, data.get("scanId").asText());
        assertEquals(venueId, data.get("venueId").asText());
        assertEquals("MALL", data.get("venueType").asText());
        assertEquals("330106", data.get("regionCode").asText());
        assertEquals(answer.getString("at"), data.get("at").asText());
        assertEquals("OPERATOR_SCAN", data.get("mode").asText());
        assertEquals("GREEN", data.get("colourAtScan").asText());
        assertEquals("ALLOW", data.get("decision").asText());
        assertEquals("330000", data.get("province").asText());
        assertTrue(data.get("homeProvince").isNull(), "a resident of this province has no other home");
        assertNoPersonalData(record.value(), data, token, venue);

        // The checkpoint's network failed and it sends the same scan again: same answer, nothing new.
        Checkpoints.scan(token, venueId, scanId).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("at", equalTo(answer.getString("at"))).body("subjectId", equalTo(subject));
        assertEquals(1, Checkpoints.published(subject, 2, SETTLE).size(), "a retry publishes nothing");
        assertEquals(1L, Checkpoints.count(pool, "select count(*) from scan_attempt where subject_id = $1", subject));

        // A retry whose signature was rewritten with the high S (it still verifies: ECDSA is malleable)
        // is the same scan: the token string is no identity.
        Checkpoints.scan(highS(token), venueId, scanId).statusCode(200).body("at", equalTo(answer.getString("at")));
        assertEquals(1, Checkpoints.published(subject, 2, SETTLE).size(), "the twin publishes nothing");

        // The same scan id for another code is not a retry.
        String other = Checkpoints.code("k1", "330000", Checkpoints.subject(), Colour.GREEN, false);
        Checkpoints.scan(other, venueId, scanId).statusCode(409).body("error", equalTo("SCAN_ID_REUSED"));
    }

    @Test
    void aForgedCodeIsDeniedAndLoggedWithoutASubjectAndNotPublished() throws Exception {
        String venueId = Checkpoints.venue("HOSPITAL").getString("id");
        String subject = Checkpoints.subject();
        String[] parts = Checkpoints.code("k1", "330000", subject, Colour.RED, false).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"c\":\"R\"", "\"c\":\"G\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        String scanId = Checkpoints.scanId();

        Checkpoints.scan(forged, venueId, scanId).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("BAD_SIGNATURE")).body("subjectId", nullValue()).body("colour", nullValue())
                .body("province", nullValue());
        assertEquals(1L, Checkpoints.count(pool, "select count(*) from scan_attempt where scan_id = $1 and subject_id is null"
                + " and decision = 'DENY' and reason = 'BAD_SIGNATURE' and mode = 'OPERATOR_SCAN'", scanId));
        assertEquals(0, Checkpoints.published(subject, 1, SETTLE).size(), "a forgery names nobody");

        Checkpoints.scan("not a code", venueId, Checkpoints.scanId()).statusCode(200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("MALFORMED"));
    }

    @Test
    void anExpiredCodeIsDeniedWithoutShowingAColour() throws Exception {
        String venueId = Checkpoints.venue("MARKET").getString("id");
        String subject = Checkpoints.subject();
        String expired = Checkpoints.code("k1", "330000", subject, Colour.GREEN, false,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));

        Checkpoints.scan(expired, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("EXPIRED")).body("colour", nullValue()).body("gold", nullValue())
                .body("subjectId", equalTo(subject));
        // Authentic, so the visit is known: recorded as a denied visit.
        JsonNode data = json.readTree(Checkpoints.published(subject, 1, Duration.ofSeconds(20)).get(0).value()).get("data");
        assertEquals("DENY", data.get("decision").asText());
    }

    @Test
    void aCodeOfAProvinceNotOnTheTrustListIsDenied() throws Exception {
        String venueId = Checkpoints.venue("PARK").getString("id");
        String subject = Checkpoints.subject();
        String shanghai = Checkpoints.code("s1", "310000", subject, Colour.GREEN, false);

        Checkpoints.scan(shanghai, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("UNTRUSTED_ISSUER")).body("subjectId", nullValue()).body("province", nullValue());
        // A trusted province's code signed by a key it never published is refused too.
        Checkpoints.scan(Checkpoints.code("s1", "330000", subject, Colour.GREEN, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("DENY")).body("reason", equalTo("UNKNOWN_KEY"));
        assertEquals(0, Checkpoints.published(subject, 1, SETTLE).size());
    }

    @Test
    void aReplayedGreenCodeOfAPersonWhoIsNowRedIsDenied() throws Exception {
        String venueId = Checkpoints.venue("COMPANY").getString("id");
        String subject = Checkpoints.subject();
        String greenScreenshot = Checkpoints.code("k1", "330000", subject, Colour.GREEN, true);
        Checkpoints.colour(pool, subject, Colour.RED, Instant.now());

        String scanId = Checkpoints.scanId();
        Checkpoints.scan(greenScreenshot, venueId, scanId).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED")).body("colour", equalTo("RED")).body("gold", equalTo(false))
                .body("subjectId", equalTo(subject));
        JsonNode data = json.readTree(Checkpoints.published(subject, 1, Duration.ofSeconds(20)).get(0).value()).get("data");
        assertEquals("RED", data.get("colourAtScan").asText());
        assertEquals("DENY", data.get("decision").asText());

        String yellow = Checkpoints.subject();
        Checkpoints.colour(pool, yellow, Colour.YELLOW, Instant.now());
        Checkpoints.scan(Checkpoints.code("k1", "330000", yellow, Colour.GREEN, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("DENY")).body("reason", equalTo("COLOUR_YELLOW"));
    }

    @Test
    void keysFetchedFromAProvincesJwksUrlJoinTheInlineOnesAndThePublicTrustListShowsThem() {
        String venueId = Checkpoints.venue("SCHOOL").getString("id");
        Checkpoints.scan(Checkpoints.code("k2", "330000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"));

        given().get("/trust-list").then().statusCode(200)
                .body("'330000'.keys.kid", org.hamcrest.Matchers.contains("k1", "k2"))
                .body("'330000'.keys[0].kty", equalTo("EC")).body("'330000'.keys[0].alg", equalTo("ES256"))
                .body("'310000'", nullValue())
                .body("'320000'", nullValue());
    }

    @Test
    void onlyCheckpointStaffOfTheVenuesProvinceScanAndBadInputIsNamed() {
        String venueId = Checkpoints.venue("MALL").getString("id");
        String token = Checkpoints.code("k1", "330000", Checkpoints.subject(), Colour.GREEN, false);
        Map<String, String> body = Map.of("token", token, "venueId", venueId, "scanId", Checkpoints.scanId());
        given().contentType(ContentType.JSON).body(body).post("/v1/scans").then().statusCode(401);
        given().auth().oauth2(TestTokens.citizen("c1")).contentType(ContentType.JSON).body(body).post("/v1/scans")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("cp-sh", "checkpoint", "310000")).contentType(ContentType.JSON).body(body)
                .post("/v1/scans").then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(TestTokens.staff("cp-x", "checkpoint", null)).contentType(ContentType.JSON).body(body)
                .post("/v1/scans").then().statusCode(403).body("error", equalTo("NO_PROVINCE"));

        given().auth().oauth2(Checkpoints.STAFF).contentType(ContentType.JSON)
                .body(Map.of("token", " ", "venueId", "nope", "scanId", "has space")).post("/v1/scans").then()
                .statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", org.hamcrest.Matchers.contains("token", "venueId", "scanId"));
        Checkpoints.scan(token, "00000000-0000-4000-8000-000000000000", Checkpoints.scanId()).statusCode(404)
                .body("error", equalTo("VENUE_NOT_FOUND"));
    }

    private static void assertNoPersonalData(String raw, JsonNode data, String token, JsonPath venue) {
        Set<String> fields = new TreeSet<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertEquals(EVENT_FIELDS, fields, "exactly the contract's fields");
        assertFalse(raw.contains(token), "no token");
        assertFalse(raw.contains(token.split("\\.")[2]), "no signature");
        assertFalse(raw.contains(venue.getString("name")), "no venue name");
        assertFalse(raw.contains(venue.getString("address")), "no address");
        assertFalse(raw.contains("checkpoint-zj"), "no staff account");
        assertTrue(data.get("subjectId").asText().matches("[A-Za-z0-9_-]{22}"), "a pseudonym");
    }

    /** The same token with s replaced by n - s: a different string that verifies all the same. */
    static String highS(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] twin = n.subtract(s).toByteArray();
        byte[] rewritten = Arrays.copyOf(signature, 64);
        Arrays.fill(rewritten, 32, 64, (byte) 0);
        int length = Math.min(twin.length, 32);
        System.arraycopy(twin, twin.length - length, rewritten, 64 - length, length);
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(rewritten);
    }
}
