package org.healthcode.scan;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * One code travels the country. As the visitor's checkpoint, this Zhejiang (330000) service asks a
 * Fujian (350000) visitor's home for the colour (Fujian is {@link HomeProvince}, outside this
 * service), keeps the answer briefly, and falls back to the code's colour (policy TOKEN, the default)
 * when the home is slow, closed or knows nothing. As a home, it answers a request Fujian's
 * federation key signed, refuses every other, and audits each answer.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class FederationIT {

    private static final String CALLS = "healthcode_federation_calls_total";

    @Inject
    Pool pool;

    private final Path hub = Path.of(ConfigProvider.getConfig().getValue("test.national-hub.dir", String.class));

    @Test
    void aVisitorIsJudgedByTheColourTheirHomeProvinceHoldsNowAndTheAnswerIsKeptBriefly() throws Exception {
        String venueId = Checkpoints.venue("MALL").getString("id");
        String visitor = Checkpoints.subject();
        Files.writeString(hub.resolve("fujian-colour-" + visitor), "RED");
        String greenScreenshot = Checkpoints.code("f1", "350000", visitor, Colour.GREEN, false);
        Scrape before = scrape();

        String scanId = Checkpoints.scanId();
        Checkpoints.scan(greenScreenshot, venueId, scanId).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED")).body("colour", equalTo("RED"))
                .body("colourSource", equalTo("ISSUER")).body("province", equalTo("350000"));
        assertEquals(1, asked(visitor), "Fujian was asked once");
        assertEquals("ISSUER", stored(scanId));
        // the visit says where the visitor lives, so that a contact found here can be sent home
        JsonNode visit = new ObjectMapper().readTree(Checkpoints.published(visitor, 1, Duration.ofSeconds(20)).get(0)
                .value()).get("data");
        assertEquals("350000", visit.get("homeProvince").asText());
        assertEquals("330000", visit.get("province").asText());

        // Within the cache time the next scan (another door, a fresh code) does not ask again.
        Files.writeString(hub.resolve("fujian-colour-" + visitor), "GREEN");
        Checkpoints.scan(Checkpoints.code("f1", "350000", visitor, Colour.GREEN, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("DENY")).body("colour", equalTo("RED"))
                .body("colourSource", equalTo("ISSUER"));
        assertEquals(1, asked(visitor), "the answer was kept, not asked again");

        // Another Fujian resident, GREEN at home: ALLOW on Fujian's word.
        String green = Checkpoints.subject();
        Files.writeString(hub.resolve("fujian-colour-" + green), "GREEN");
        Checkpoints.scan(Checkpoints.code("f1", "350000", green, Colour.YELLOW, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("ALLOW")).body("colour", equalTo("GREEN"))
                .body("colourSource", equalTo("ISSUER"));

        Scrape after = scrape();
        assertEquals(2.0, calls(after, "350000", "ANSWERED") - calls(before, "350000", "ANSWERED"));
    }

    @Test
    void whenTheHomeCannotAnswerTheCodesOwnColourDecidesAndTheAnswerSaysSo() throws Exception {
        String venueId = Checkpoints.venue("PARK").getString("id");
        Scrape before = scrape();

        // Fujian knows nothing of this person (404): not kept, asked again next time
        String unknown = Checkpoints.subject();
        String scanId = Checkpoints.scanId();
        Checkpoints.scan(Checkpoints.code("f1", "350000", unknown, Colour.GREEN, false), venueId, scanId)
                .statusCode(200).body("decision", equalTo("ALLOW")).body("colour", equalTo("GREEN"))
                .body("colourSource", equalTo("TOKEN"));
        assertEquals("TOKEN", stored(scanId));
        Checkpoints.scan(Checkpoints.code("f1", "350000", unknown, Colour.YELLOW, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("DENY")).body("reason", equalTo("COLOUR_YELLOW"))
                .body("colourSource", equalTo("TOKEN"));
        assertEquals(2, asked(unknown));

        // Jiangxi answers after 3 s: the scan does not wait for it
        long started = System.nanoTime();
        Checkpoints.scan(Checkpoints.code("x1", "360000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("colourSource", equalTo("TOKEN"));
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // Shandong's port is closed
        Checkpoints.scan(Checkpoints.code("d1", "370000", Checkpoints.subject(), Colour.RED, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED")).body("colourSource", equalTo("TOKEN"));
        // Guangdong takes no part in federation: not asked at all
        Checkpoints.scan(Checkpoints.code("g1", "440000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("colourSource", equalTo("TOKEN"));

        Scrape after = scrape();
        assertEquals(2.0, calls(after, "350000", "UNKNOWN_SUBJECT") - calls(before, "350000", "UNKNOWN_SUBJECT"));
        assertEquals(1.0, calls(after, "360000", "TIMEOUT") - calls(before, "360000", "TIMEOUT"),
                "Jiangxi timed out (the scan took " + tookMillis + " ms)");
        assertEquals(1.0, calls(after, "370000", "UNREACHABLE") - calls(before, "370000", "UNREACHABLE"));
        assertEquals(1.0, calls(after, "440000", "NOT_FEDERATED") - calls(before, "440000", "NOT_FEDERATED"));
    }

    @Test
    void ownResidentsAreJudgedByTheOwnTableAsBeforeAndAForgedCodeHasNoColourSource() throws Exception {
        String venueId = Checkpoints.venue("MARKET").getString("id");
        String resident = Checkpoints.subject();
        Checkpoints.colour(pool, resident, Colour.GREEN, Instant.now());
        Checkpoints.scan(Checkpoints.code("k1", "330000", resident, Colour.GREEN, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("ALLOW")).body("colourSource", equalTo("ISSUER"));
        Checkpoints.scan(Checkpoints.code("k1", "330000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("colourSource", equalTo("TOKEN"));
        Checkpoints.scan("forged.code.here", venueId, Checkpoints.scanId()).statusCode(200)
                .body("colour", nullValue()).body("colourSource", nullValue());
    }

    @Test
    void asTheHomeItAnswersFujiansSignedRequestAndAuditsIt() throws Exception {
        String resident = Checkpoints.subject();
        Checkpoints.colour(pool, resident, Colour.YELLOW, Instant.now());
        String code = Checkpoints.code("k1", "330000", resident, Colour.GREEN, false);
        SigningKey fujian = federationKey("fj-fed");
        String requestId = "q-" + UUID.randomUUID();

        String request = FederationMessage.sign(fujian, "350000", "330000", requestId, Map.of("token", code),
                Duration.ofSeconds(60), Clock.systemUTC());
        JsonPath answer = ask(request).statusCode(200).extract().jsonPath();
        assertEquals("YELLOW", answer.getString("colour"));
        assertEquals(false, answer.getBoolean("gold"));
        Instant.parse(answer.getString("asOf"));

        JsonPath trail = given().auth().oauth2(Checkpoints.ADMIN).queryParam("subjectId", resident).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FEDERATION_COLOUR_READ"), trail.getList("action"));
        assertEquals("province:350000", trail.getString("[0].actor"), "who asked");
        assertEquals("ALLOWED", trail.getString("[0].outcome"));
        assertEquals(requestId, trail.getString("[0].object"), "which request");
        assertEquals("330000", trail.getString("[0].province"));
        assertEquals("colour=YELLOW kid=fj-fed", trail.getString("[0].detail"));

        // the same signed request again, by whoever saw it pass: refused, and nothing about the person is read
        ask(request).statusCode(409).body("error", equalTo("FEDERATION_REPLAY"));
        given().auth().oauth2(Checkpoints.ADMIN).queryParam("subjectId", resident).get("/v1/audit").then()
                .statusCode(200).body("size()", equalTo(1));

        // A resident without a colour: 404 in the platform's error shape (and audited)
        String nobody = Checkpoints.subject();
        ask(sign(fujian, "350000", "330000", Checkpoints.code("k1", "330000", nobody, Colour.GREEN, false)))
                .statusCode(404).body("error", equalTo("SUBJECT_COLOUR_NOT_FOUND"));
        given().auth().oauth2(Checkpoints.ADMIN).queryParam("subjectId", nobody).get("/v1/audit").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].detail", equalTo("no colour held kid=fj-fed"));
    }

    @Test
    void asTheHomeItRefusesEveryRequestNotSignedAndAddressedAsItShouldBe() throws Exception {
        String resident = Checkpoints.subject();
        Checkpoints.colour(pool, resident, Colour.GREEN, Instant.now());
        String code = Checkpoints.code("k1", "330000", resident, Colour.GREEN, false);
        SigningKey fujian = federationKey("fj-fed");

        SigningKey impostor = SigningKey.federationKey("fj-fed:" + Base64.getEncoder().encodeToString(
                SigningKey.generatePkcs8()));
        ask(sign(impostor, "350000", "330000", code)).statusCode(401).body("error", equalTo("FEDERATION_SIGNATURE_INVALID"));
        ask(sign(fujian, "350000", "320000", code)).statusCode(403).body("error", equalTo("FEDERATION_WRONG_AUDIENCE"));
        ask(sign(fujian, "460000", "330000", code)).statusCode(401).body("error", equalTo("FEDERATION_UNKNOWN_PROVINCE"));
        ask(sign(federationKey("jx-fed"), "350000", "330000", code)).statusCode(401)
                .body("error", equalTo("FEDERATION_UNKNOWN_KEY"));
        ask(sign(federationKey("fj-old"), "350000", "330000", code)).statusCode(401)
                .body("error", equalTo("FEDERATION_KEY_REVOKED"));
        String expired = FederationMessage.sign(fujian, "350000", "330000", "q-old", Map.of("token", code),
                Duration.ofSeconds(60), Clock.fixed(Instant.now().minus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        ask(expired).statusCode(401).body("error", equalTo("FEDERATION_EXPIRED"));
        ask("not a message").statusCode(400).body("error", equalTo("FEDERATION_MALFORMED"));
        // A code that is not this province's, or does not verify
        ask(sign(fujian, "350000", "330000", Checkpoints.code("f1", "350000", resident, Colour.GREEN, false)))
                .statusCode(403).body("error", equalTo("FEDERATION_CODE_NOT_ISSUED_HERE"));
        ask(sign(fujian, "350000", "330000", Checkpoints.code("s1", "310000", resident, Colour.GREEN, false)))
                .statusCode(403).body("error", equalTo("FEDERATION_CODE_INVALID"));

        given().auth().oauth2(Checkpoints.ADMIN).queryParam("subjectId", resident).get("/v1/audit").then()
                .statusCode(200).body("outcome", equalTo(List.of("REFUSED")))
                .body("[0].detail", equalTo("FEDERATION_CODE_NOT_ISSUED_HERE kid=fj-fed"));
    }

    @Test
    void theFederationKeyIsPublishedForTheHub() {
        SigningKey own = federationKey("zj-fed");
        get("/.well-known/federation-jwks.json").then().statusCode(200).body("keys.size()", equalTo(1))
                .body("keys[0].kid", equalTo("zj-fed"))
                .body("keys[0].x", equalTo(own.verificationKey().toJwk().x()));
    }

    private static ValidatableResponse ask(String request) {
        return given().contentType("application/jose").body(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .post("/v1/federation/colour").then();
    }

    private static String sign(SigningKey key, String issuer, String audience, String code) {
        return FederationMessage.sign(key, issuer, audience, "q-" + UUID.randomUUID(), Map.of("token", code),
                Duration.ofSeconds(60), Clock.systemUTC());
    }

    private static SigningKey federationKey(String kid) {
        return ScanServiceResource.federationKey(kid, Base64.getDecoder().decode(
                ConfigProvider.getConfig().getValue("test.federation-key." + kid, String.class)));
    }

    private long asked(String subject) throws Exception {
        Path file = hub.resolve("fujian-asked-" + subject);
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private String stored(String scanId) {
        return pool.preparedQuery("select colour_source from scan_attempt where scan_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(scanId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
    }

    private static double calls(Scrape scrape, String province, String outcome) {
        return scrape.sum(CALLS, Map.of("province", province, "outcome", outcome));
    }

    private static Scrape scrape() {
        return Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
