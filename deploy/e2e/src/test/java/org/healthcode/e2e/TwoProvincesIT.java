package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.healthcode.infra.Processes;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.KeyValidity;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.NationalTrustList.ListedKey;
import org.healthcode.kit.code.token.NationalTrustList.Province;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two provinces side by side, Zhejiang (330000, Hangzhou) and Shanghai (310000): each its own six
 * processes, Kafka, PostgreSQL, keys and pseudonyms; a national hub (here an HTTP server of the
 * test) publishes the trust list its anchor signed, naming both. A Shanghai resident's code is
 * honoured in Hangzhou with Shanghai's colour now; the hub's list decides which keys count, a list
 * not signed by the anchor changes nothing, a revoked key's codes fail, and a rotation set ahead
 * passes without a failed scan.
 */
// its own two platforms: after the journeys on the shared one
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProvincesIT {

    private static final String ZHEJIANG = "330000";
    private static final String SHANGHAI = "310000";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer hub;
    private static final AtomicReference<String> published = new AtomicReference<>();
    private static SigningKey anchor;
    private static long version;
    /** Zhejiang's code keys: z1 signs first, z2 takes over in the rotation, z3 is the one revoked. */
    private static final Map<String, SigningKey> zhejiangKeys = new LinkedHashMap<>();
    private static final Map<String, KeyValidity> zhejiangWindows = new LinkedHashMap<>();
    private static SigningKey shanghaiKey;
    private static SigningKey zhejiangFederation;
    private static SigningKey shanghaiFederation;
    private static Platform hangzhou;
    private static Platform shanghai;

    private final String hangzhouCheckpoint = TestTokens.staff("checkpoint-hz-" + UUID.randomUUID(), "checkpoint", ZHEJIANG);
    private final String shanghaiCheckpoint = TestTokens.staff("checkpoint-sh-" + UUID.randomUUID(), "checkpoint", SHANGHAI);

    @BeforeAll
    static void twoProvincesAndTheirHub() throws Exception {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/trust-list.jws", exchange -> {
            String list = published.get();
            byte[] body = (list == null ? "" : list).getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/jose");
            exchange.sendResponseHeaders(list == null ? 404 : 200, list == null ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hub.start();
        anchor = SigningKey.anchorFromPkcs8("national-test", SigningKey.generatePkcs8());

        Instant since = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (String kid : List.of("z1", "z2", "z3")) {
            zhejiangKeys.put(kid, codeKey(kid));
            zhejiangWindows.put(kid, new KeyValidity(since, null, KeyStatus.ACTIVE));
        }
        shanghaiKey = codeKey("s1");
        String zhejiangFederationEntry = federationEntry("zj-fed-1");
        String shanghaiFederationEntry = federationEntry("sh-fed-1");
        zhejiangFederation = SigningKey.federationKey(zhejiangFederationEntry);
        shanghaiFederation = SigningKey.federationKey(shanghaiFederationEntry);

        Map<String, String> both = new HashMap<>();
        both.put("SCAN_NATIONAL_TRUST_LIST_URL", "http://127.0.0.1:" + hub.getAddress().getPort() + "/trust-list.jws");
        both.put("SCAN_NATIONAL_TRUST_LIST_ANCHOR_KEY", JSON.writeValueAsString(anchor.verificationKey().toJwk()));
        // a change of the list counts within seconds here, not the 5 minutes of production
        both.put("SCAN_NATIONAL_TRUST_LIST_REFRESH", "2S");
        both.put("SCAN_NATIONAL_TRUST_LIST_RETRY", "1S");
        both.put("SCAN_FEDERATION_CACHE_FOR", "1S");
        // a home's answer may take longer than production's 800 ms with twelve JVMs on two cores
        both.put("SCAN_FEDERATION_TIMEOUT", "5S");
        // a contact found among visitors is sent home at once, and again a second later if the home was busy
        both.put("SCAN_FEDERATION_CONTACTS_RETRY_MIN", "1S");

        Map<String, String> zhejiang = new HashMap<>(both);
        // z3 is listed nationally but never signs here: it plays a key that leaked
        zhejiang.put("CODE_ISSUER_KEYS", keyEntry(zhejiangKeys.get("z1")) + "," + keyEntry(zhejiangKeys.get("z2")));
        zhejiang.put("CODE_ISSUER_SIGNING_KID", "z1");
        zhejiang.put("SCAN_FEDERATION_KEY", zhejiangFederationEntry);
        Map<String, String> shanghaiSettings = new HashMap<>(both);
        shanghaiSettings.put("CODE_ISSUER_KEYS", keyEntry(shanghaiKey));
        shanghaiSettings.put("CODE_ISSUER_SIGNING_KID", "s1");
        shanghaiSettings.put("SCAN_FEDERATION_KEY", shanghaiFederationEntry);

        hangzhou = Platform.inProvince(ZHEJIANG, zhejiang);
        shanghai = Platform.inProvince(SHANGHAI, shanghaiSettings);
        publish(list(++version));
        awaitListHeld(hangzhou, version);
        awaitListHeld(shanghai, version);
    }

    @AfterAll
    static void stop() {
        if (shanghai != null) {
            shanghai.close();
        }
        if (hangzhou != null) {
            hangzhou.close();
        }
        if (hub != null) {
            hub.stop(0);
        }
    }

    @Test
    @Order(1)
    void aShanghaiResidentIsAdmittedInHangzhouByShanghaisColourAndDeniedOnceShanghaiTurnsThemRed() {
        Resident traveller = Resident.green(shanghai, "310104");
        String mall = venue(hangzhou, hangzhouCheckpoint, "Hangzhou mall", "MALL", "330106");
        String green = traveller.code().getString("token");

        JsonPath admitted = await("the visitor admitted with Shanghai's colour",
                () -> scan(hangzhou, hangzhouCheckpoint, green, mall), a -> "ALLOW".equals(a.getString("decision")));
        assertEquals("GREEN", admitted.getString("colour"));
        assertEquals("ISSUER", admitted.getString("colourSource"), "the colour came from the home province");

        // Shanghai turns them red (a declared contact); the green code they still hold is denied in Hangzhou
        traveller.declare(Map.of("travel", List.of(), "contactWithCase", true, "symptoms", List.of(), "temperature", 36.5));
        traveller.awaitCode("RED at home", c -> "RED".equals(c.getString("colour")));
        JsonPath denied = await("the green screenshot denied in Hangzhou", () -> scan(hangzhou, hangzhouCheckpoint, green, mall),
                a -> "DENY".equals(a.getString("decision")));
        assertEquals("COLOUR_RED", denied.getString("reason"));
        assertEquals("RED", denied.getString("colour"));
        assertEquals("ISSUER", denied.getString("colourSource"));
        assertEquals("G", claims(green).get("c"), "the code itself still says green: only the home knew");
    }

    @Test
    @Order(2)
    void aHangzhouCaseWhoseContactIsAShanghaiTravellerTurnsTheShanghaiCodeRed() {
        Resident traveller = Resident.green(shanghai, "310104");
        Resident patient = Resident.green(hangzhou, "330106");
        String teahouse = venue(hangzhou, hangzhouCheckpoint, "Hangzhou teahouse", "MARKET", "330106");
        // both scanned in at the same place within the same minutes: close contacts of each other
        await("the patient admitted", () -> scan(hangzhou, hangzhouCheckpoint, patient.code().getString("token"), teahouse),
                a -> "ALLOW".equals(a.getString("decision")));
        await("the traveller admitted", () -> scan(hangzhou, hangzhouCheckpoint, traveller.code().getString("token"),
                teahouse), a -> "ALLOW".equals(a.getString("decision")));

        String authority = TestTokens.staff("authority-hz-" + UUID.randomUUID(), "authority", ZHEJIANG);
        String caseId = given().baseUri(hangzhou.gatewayUrl()).auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("documentType", "RESIDENT_ID", "documentNumber", patient.idNumber, "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");

        // Hangzhou's tracing finds the traveller, Hangzhou tells Shanghai, Shanghai recolours its resident
        JsonPath red = traveller.awaitCode("RED at home as a contact found in Hangzhou",
                c -> "RED".equals(c.getString("colour")));
        assertTrue(red.getList("reasons.code").contains("CLOSE_CONTACT"), () -> "reasons " + red.getList("reasons.code"));
        patient.awaitCode("the patient RED at home", c -> "RED".equals(c.getString("colour")));

        // Hangzhou's epidemiologist sees that this contact lives in Shanghai: nobody here is to knock for them
        String epidemiologist = TestTokens.staff("epi-hz-" + UUID.randomUUID(), "epidemiologist", ZHEJIANG);
        JsonPath contacts = given().baseUri(hangzhou.gatewayUrl()).auth().oauth2(epidemiologist)
                .get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(SHANGHAI), contacts.getList("items.homeProvince"), "the one contact, a Shanghai resident");
    }

    @Test
    @Order(3)
    void aListNotSignedByTheAnchorIsRefusedAndTheLastGoodOneKept() throws GeneralSecurityException {
        SigningKey impostor = SigningKey.anchorFromPkcs8(anchor.kid(), SigningKey.generatePkcs8());
        Map<String, KeyValidity> before = new LinkedHashMap<>(zhejiangWindows);
        // a forged list would revoke z1, Zhejiang's signing key, and shut Zhejiang's residents out
        zhejiangWindows.put("z1", withStatus(zhejiangWindows.get("z1"), KeyStatus.REVOKED));
        published.set(list(version + 1).sign(impostor));
        zhejiangWindows.clear();
        zhejiangWindows.putAll(before);
        await("Shanghai's checkpoint refusing the forged list", () -> readiness(shanghai),
                ready -> "REFUSED".equals(String.valueOf(nationalList(ready).get("lastOutcome"))));
        assertEquals(String.valueOf(version), nationalList(readiness(shanghai).jsonPath()).get("version").toString(),
                "the last good list kept");

        Resident resident = Resident.green(hangzhou, "330106");
        String station = venue(shanghai, shanghaiCheckpoint, "Shanghai mall", "MALL", "310104");
        JsonPath admitted = await("a Zhejiang code admitted in Shanghai", () -> scan(shanghai, shanghaiCheckpoint,
                resident.code().getString("token"), station), a -> "ALLOW".equals(a.getString("decision")));
        assertEquals("ISSUER", admitted.getString("colourSource"));
        publish(list(++version));
        awaitListHeld(shanghai, version);
    }

    @Test
    @Order(4)
    void aRevokedKeysCodesAreRefusedWithinOneRefresh() {
        Resident resident = Resident.green(hangzhou, "330106");
        String market = venue(shanghai, shanghaiCheckpoint, "Shanghai market", "MARKET", "310104");
        // a code signed with z3, a key of Zhejiang's on the list, as whoever holds a leaked key would make one
        TokenIssuer leaked = new TokenIssuer(zhejiangKeys.get("z3"), ZHEJIANG, Duration.ofSeconds(180),
                java.time.Clock.systemUTC());
        String forged = leaked.issue(resident.subjectId, Colour.GREEN, false).token();
        await("the z3 code admitted while z3 is active", () -> scan(shanghai, shanghaiCheckpoint, forged, market),
                a -> "ALLOW".equals(a.getString("decision")));

        zhejiangWindows.put("z3", withStatus(zhejiangWindows.get("z3"), KeyStatus.REVOKED));
        publish(list(++version));
        awaitListHeld(shanghai, version);
        JsonPath refused = scan(shanghai, shanghaiCheckpoint, forged, market).then().statusCode(200).extract().jsonPath();
        assertEquals("DENY", refused.getString("decision"));
        assertEquals("REVOKED_KEY", refused.getString("reason"));
        JsonPath fresh = await("a code of Zhejiang's signing key still admitted", () -> scan(shanghai, shanghaiCheckpoint,
                resident.code().getString("token"), market), a -> "ALLOW".equals(a.getString("decision")));
        assertEquals("z1", header(resident.code().getString("token")).get("kid"));
        assertTrue(fresh.getString("colour") != null);
    }

    @Test
    @Order(5)
    void aRotationSetAheadPassesWithoutAFailedScan() {
        Resident resident = Resident.green(hangzhou, "330106");
        String gate = venue(shanghai, shanghaiCheckpoint, "Shanghai park", "PARK", "310104");
        String signedBefore = resident.code().getString("token");
        assertEquals("z1", header(signedBefore).get("kid"));

        // the hub lists the switch, then Zhejiang sets it ahead: z2 signs from T on, z1 retires at T
        Instant switchAt = Instant.now().plusSeconds(75).truncatedTo(ChronoUnit.SECONDS);
        zhejiangWindows.put("z1", new KeyValidity(zhejiangWindows.get("z1").notBefore(), switchAt, KeyStatus.RETIRED));
        zhejiangWindows.put("z2", new KeyValidity(switchAt, null, KeyStatus.ACTIVE));
        publish(list(++version));
        awaitListHeld(shanghai, version);
        awaitListHeld(hangzhou, version);
        hangzhou.restartWith(hangzhou.instances("code-issuer-service").get(0),
                Map.of("CODE_ISSUER_NEXT_SIGNING_KID", "z2", "CODE_ISSUER_SIGNING_SWITCH_AT", switchAt.toString()));

        // scan the resident's newest code in Shanghai until well after the switch, and the code signed
        // before it for as long as it lives
        Instant beforeExpires = Instant.ofEpochSecond(((Number) claims(signedBefore).get("exp")).longValue());
        List<String> kids = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean oldCodeScannedAfterTheSwitch = false;
        do {
            String token = resident.code().getString("token");
            kids.add(String.valueOf(header(token).get("kid")));
            check(scan(shanghai, shanghaiCheckpoint, token, gate), kids.get(kids.size() - 1), failures);
            if (Instant.now().isBefore(beforeExpires.minusSeconds(5))) {
                check(scan(shanghai, shanghaiCheckpoint, signedBefore, gate), "z1 (signed before)", failures);
                oldCodeScannedAfterTheSwitch |= Instant.now().isAfter(switchAt);
            }
            Processes.pause(Duration.ofSeconds(3));
        } while (Instant.now().isBefore(switchAt.plusSeconds(15)));
        assertEquals(List.of(), failures, "no scan failed during the switch");
        assertEquals("z2", kids.get(kids.size() - 1), "after the switch the new key signs: " + kids);
        assertFalse(kids.stream().dropWhile("z1"::equals).anyMatch("z1"::equals), "never back to the old key: " + kids);
        assertTrue(oldCodeScannedAfterTheSwitch, "the code signed before the switch was scanned after it");
        String after = resident.code().getString("token");
        assertEquals("ALLOW", scan(hangzhou, hangzhouCheckpoint, after,
                venue(hangzhou, hangzhouCheckpoint, "Hangzhou park", "PARK", "330106")).then().statusCode(200)
                .extract().path("decision"), "the home province's own checkpoint admits the new key's codes too");
    }

    private static void check(Response scan, String kid, List<String> failures) {
        JsonPath answer = scan.then().statusCode(200).extract().jsonPath();
        if (!"ALLOW".equals(answer.getString("decision"))) {
            failures.add(kid + ": " + answer.getString("reason"));
        }
    }

    // --- the national hub ---

    private static NationalTrustList list(long version) {
        List<ListedKey> zhejiangListed = new ArrayList<>();
        zhejiangKeys.forEach((kid, key) -> zhejiangListed.add(new ListedKey(key.verificationKey(), zhejiangWindows.get(kid))));
        KeyValidity always = new KeyValidity(Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null,
                KeyStatus.ACTIVE);
        return new NationalTrustList(version, Instant.now().truncatedTo(ChronoUnit.SECONDS), List.of(
                new Province(ZHEJIANG, "浙江省", URI.create(hangzhou.gatewayUrl() + "/api/v1"), zhejiangListed,
                        List.of(new ListedKey(zhejiangFederation.verificationKey(), always))),
                new Province(SHANGHAI, "上海市", URI.create(shanghai.gatewayUrl() + "/api/v1"),
                        List.of(new ListedKey(shanghaiKey.verificationKey(), always)),
                        List.of(new ListedKey(shanghaiFederation.verificationKey(), always)))));
    }

    private static void publish(NationalTrustList list) {
        published.set(list.sign(anchor));
    }

    private static void awaitListHeld(Platform province, long version) {
        await("province " + province.province() + " holding national list version " + version, () -> readiness(province),
                ready -> String.valueOf(version).equals(String.valueOf(nationalList(ready).get("version"))));
    }

    private static Response readiness(Platform province) {
        return given().baseUri(province.serviceUrl("scan-checkpoint-service")).get("/q/health/ready");
    }

    /** The national list's details in a checkpoint's readiness: version held, last outcome. */
    private static Map<String, Object> nationalList(JsonPath ready) {
        Map<String, Object> data = ready.getMap("checks.find { it.name == 'national-trust-list' }.data");
        return data == null ? Map.of() : data;
    }

    private static String keyEntry(SigningKey key) {
        return key.kid() + ":" + Base64.getEncoder().encodeToString(pkcs8Of(key));
    }

    /** Each code key's private half as the province's secret holds it (PKCS#8). */
    private static final Map<String, byte[]> PRIVATE = new HashMap<>();

    private static SigningKey codeKey(String kid) throws GeneralSecurityException {
        byte[] pkcs8 = SigningKey.generatePkcs8();
        PRIVATE.put(kid, pkcs8);
        return SigningKey.fromPkcs8(kid, pkcs8);
    }

    private static byte[] pkcs8Of(SigningKey key) {
        return PRIVATE.get(key.kid());
    }

    private static KeyValidity withStatus(KeyValidity window, KeyStatus status) {
        return new KeyValidity(window.notBefore(), window.notAfter(), status);
    }

    private static String federationEntry(String kid) {
        return kid + ":" + Base64.getEncoder().encodeToString(SigningKey.generatePkcs8());
    }

    // --- people, venues, scans ---

    /** A resident of one province, registered at its gateway with a region of it. */
    private static final class Resident {
        final Platform home;
        final String token = TestTokens.citizen(Residents.account());
        final String idNumber = Residents.idNumber();
        String subjectId;

        private Resident(Platform home) {
            this.home = home;
        }

        static Resident green(Platform home, String regionCode) {
            Resident resident = new Resident(home);
            Map<String, Object> registration = new HashMap<>(Residents.registration(Residents.name(), resident.idNumber,
                    Residents.phone()));
            registration.put("regionCode", regionCode);
            resident.subjectId = given().baseUri(home.gatewayUrl()).auth().oauth2(resident.token)
                    .contentType(ContentType.JSON).body(registration).post("/api/v1/me/registration")
                    .then().statusCode(201).extract().path("subjectId");
            resident.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
            resident.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
            return resident;
        }

        void declare(Map<String, Object> declaration) {
            given().baseUri(home.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON).body(declaration)
                    .post("/api/v1/me/declarations").then().statusCode(201);
        }

        JsonPath code() {
            return given().baseUri(home.gatewayUrl()).auth().oauth2(token).get("/api/v1/me/code").then().statusCode(200)
                    .extract().jsonPath();
        }

        JsonPath awaitCode(String what, Predicate<JsonPath> done) {
            return await(what, () -> given().baseUri(home.gatewayUrl()).auth().oauth2(token).get("/api/v1/me/code"), done);
        }
    }

    private static String venue(Platform province, String checkpoint, String name, String type, String regionCode) {
        return given().baseUri(province.gatewayUrl()).auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", type, "regionCode", regionCode, "address", "1 Border Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
    }

    private static Response scan(Platform province, String checkpoint, String token, String venueId) {
        return given().baseUri(province.gatewayUrl()).auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("token", token, "venueId", venueId, "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans");
    }

    private static JsonPath await(String what, Supplier<Response> call, Predicate<JsonPath> done) {
        return CitizenJourneyIT.await(what, call, done, PATIENCE);
    }

    private static Map<String, Object> claims(String token) {
        return part(token, 1);
    }

    private static Map<String, Object> header(String token) {
        return part(token, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(String token, int index) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[index]), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
