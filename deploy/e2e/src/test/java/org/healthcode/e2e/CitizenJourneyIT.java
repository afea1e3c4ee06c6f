package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.io.image.ConvertBufferedImage;
import boofcv.struct.image.GrayU8;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A resident's journey through the gateway, on the whole platform: register, declare, get a
 * colour that follows the rules as time passes, act for a dependent, show a QR code that any
 * JOSE library verifies — and no name, document number or phone ever leaves
 * declaration-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class CitizenJourneyIT {

    private static final String HIGH_RISK_REGION = "420106";
    private static Platform platform;
    /** Every answer of the gateway in this journey, checked against the OpenAPI document it serves. */
    private static PublishedContract contract;
    /** Every name, document number and phone used here, for the privacy check at the end. */
    private static final List<String> personalData = new ArrayList<>();

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
        contract = new PublishedContract(platform.gatewayUrl());
        RestAssured.filters(contract);
    }

    @AfterAll
    static void stopChecking() {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.remove(contract);
        RestAssured.replaceFiltersWith(others);
    }

    @Test
    @Order(1)
    void aResidentWithNothingToDeclareGetsAGreenCode() {
        Citizen citizen = Citizen.registered();
        given().auth().oauth2(citizen.token).get("/api/v1/me").then().statusCode(200)
                .body("maskedName", not(equalTo(citizen.name)))
                .body("maskedName", equalTo(citizen.name.charAt(0) + "*" + citizen.name.charAt(citizen.name.length() - 1)));
        given().auth().oauth2(citizen.token).get("/api/v1/me/code").then().statusCode(404)
                .body("error", equalTo("NO_COLOUR_YET"));

        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                "temperature", 36.5));

        JsonPath code = citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
        assertFalse(code.getBoolean("gold"));
        assertTrue(code.getList("reasons").isEmpty());
        assertTrue(code.getString("token").length() <= 250, code.getString("token"));
        Instant expiresAt = Instant.parse(code.getString("expiresAt"));
        Duration ttl = Duration.between(platform.clock().instant(), expiresAt);
        assertTrue(ttl.compareTo(Duration.ofSeconds(120)) > 0 && ttl.compareTo(Duration.ofSeconds(200)) < 0, ttl::toString);
        assertEquals(Platform.startOf(platform.today().plusDays(1)), Instant.parse(code.getString("validUntil")),
                "valid until the end of the day of the declaration, in the province's time");
    }

    @Test
    @Order(2)
    void badInputIsRefusedWithTheFieldsAndChangesNothing() {
        String account = Residents.account();
        String token = TestTokens.citizen(account);
        String idNumber = Residents.idNumber();
        String wrongCheckDigit = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        personalData.add(wrongCheckDigit);
        String body = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Residents.registration("王小明", wrongCheckDigit, "12345"))
                .post("/api/v1/me/registration")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", hasItem("documentNumber")).body("details.field", hasItem("phone"))
                .extract().asString();
        assertFalse(body.contains(wrongCheckDigit) || body.contains("王小明"), "no input echoed: " + body);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));

        Citizen citizen = Citizen.registered();
        LocalDate today = platform.today();
        given().auth().oauth2(citizen.token).contentType(ContentType.JSON)
                .body(Map.of("travel", List.of(Map.of("regionCode", "999999", "from", today.minusDays(20).toString(),
                                "to", today.plusDays(1).toString())),
                        "contactWithCase", false, "symptoms", List.of("SNEEZING"), "temperature", 47.0))
                .post("/api/v1/me/declarations")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", hasItem("temperature"))
                .body("details.field", hasItem("symptoms[0]"))
                .body("details.field", hasItem("travel[0].regionCode"))
                .body("details.field", hasItem("travel[0].to"));
        given().auth().oauth2(citizen.token).get("/api/v1/me/code").then().statusCode(404)
                .body("error", equalTo("NO_COLOUR_YET"));
    }

    @Test
    @Order(3)
    void aFeverMakesTheCodeYellowUntilASymptomFreeCheckIn() {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of("FEVER"),
                "temperature", 38.4));
        JsonPath yellow = citizen.awaitCode("YELLOW", c -> "YELLOW".equals(c.getString("colour")));
        assertEquals(List.of("SYMPTOMS"), yellow.getList("reasons.code"));

        citizen.checkIn(List.of(), 36.6);
        citizen.awaitCode("GREEN after a symptom-free check-in", c -> "GREEN".equals(c.getString("colour")));
    }

    @Test
    @Order(4)
    void aGuardianActsForADependentWhoHasACodeOfItsOwn() {
        Citizen guardian = Citizen.registered();
        String name = Residents.name();
        String idNumber = Residents.idNumber();
        personalData.add(name);
        personalData.add(idNumber);
        String dependent = given().auth().oauth2(guardian.token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "documentType", "RESIDENT_ID", "documentNumber", idNumber,
                        "regionCode", "330106", "relation", "PARENT"))
                .post("/api/v1/me/dependents")
                .then().statusCode(201).body("id", notNullValue()).extract().path("id");

        given().auth().oauth2(guardian.token).contentType(ContentType.JSON)
                .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                        "temperature", 36.4, "vaccination", Map.of("doses", 3, "lastDose", "2022-05-01")))
                .post("/api/v1/me/dependents/" + dependent + "/declarations")
                .then().statusCode(201);

        JsonPath code = await("the dependent's gold code", () -> given().auth().oauth2(guardian.token)
                .get("/api/v1/me/dependents/" + dependent + "/code"), c -> "GREEN".equals(c.getString("colour")));
        assertTrue(code.getBoolean("gold"), "green and fully vaccinated is gold");
        given().auth().oauth2(guardian.token).get("/api/v1/me/code").then().statusCode(404)
                .body("error", equalTo("NO_COLOUR_YET"));
        given().auth().oauth2(guardian.token).get("/api/v1/me/dependents").then().statusCode(200)
                .body("items.id", hasItem(dependent));

        Citizen stranger = Citizen.registered();
        given().auth().oauth2(stranger.token).get("/api/v1/me/dependents/" + dependent + "/code")
                .then().statusCode(404);
    }

    @Test
    @Order(5)
    void theQrCodeCarriesATokenThatAnyJoseLibraryVerifies() throws Exception {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                "temperature", 36.5));
        citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));

        byte[] png = given().auth().oauth2(citizen.token).get("/api/v1/me/code.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        String token = decodeQr(png);

        JWKSet keys = JWKSet.parse(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        JWSObject jws = JWSObject.parse(token);
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertTrue(jws.verify(new ECDSAVerifier(key)), "verified by Nimbus against the published JWKS");
        assertEquals("330000", jws.getPayload().toJSONObject().get("iss"));

        String checkpoint = TestTokens.staff("checkpoint-" + citizen.account, "checkpoint", "330000");
        given().auth().oauth2(checkpoint).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/codes/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("colour", equalTo("GREEN"))
                .body("province", equalTo("330000"))
                .body("maskedName", equalTo(citizen.name.charAt(0) + "*" + citizen.name.charAt(citizen.name.length() - 1)));

        String tampered = token.substring(0, token.lastIndexOf('.') - 2)
                + (token.charAt(token.lastIndexOf('.') - 2) == 'A' ? 'B' : 'A') + token.substring(token.lastIndexOf('.') - 1);
        given().auth().oauth2(checkpoint).contentType(ContentType.JSON).body(Map.of("token", tampered))
                .post("/api/v1/codes/verify")
                .then().statusCode(200).body("valid", equalTo(false));
    }

    /**
     * Moves the platform's clock day by day: 14 daily check-ins end a 14-day red on time; a
     * missed day ends it a day later. Last of the journeys, because it moves time for all.
     */
    @Test
    @Order(6)
    void highRiskTravelIsRedForFourteenDaysOfCheckInsAndAMissedDayExtendsIt() {
        // noon in the province, so that a day later is always the next date
        LocalDate start = platform.today().plusDays(1);
        platform.advance(Duration.between(platform.clock().instant(), Platform.startOf(start).plusSeconds(12 * 3600)));

        String authority = TestTokens.staff("authority-" + Residents.account(), "authority", "330000");
        given().auth().oauth2(authority).contentType(ContentType.JSON).body(Map.of("level", "HIGH"))
                .put("/api/v1/regions/" + HIGH_RISK_REGION + "/risk").then().statusCode(200);

        Citizen diligent = Citizen.registered();
        Citizen forgetful = Citizen.registered();
        Map<String, Object> trip = Map.of("travel", List.of(Map.of("regionCode", HIGH_RISK_REGION,
                        "from", start.minusDays(3).toString(), "to", start.toString())),
                "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5);
        Instant redUntil = Platform.startOf(start.plusDays(14));
        for (Citizen citizen : List.of(diligent, forgetful)) {
            citizen.declare(trip);
            JsonPath red = citizen.awaitCode("RED", c -> "RED".equals(c.getString("colour")));
            assertEquals(List.of("HIGH_RISK_TRAVEL"), red.getList("reasons.code"));
            assertEquals(redUntil, Instant.parse(red.getString("reasons[0].until")), "14 days from leaving");
        }

        LocalDate missed = start.plusDays(5);
        for (LocalDate day = start; day.isBefore(start.plusDays(14)); day = day.plusDays(1)) {
            if (!day.equals(start)) {
                platform.advance(Duration.ofDays(1));
            }
            Instant endOfDay = Platform.startOf(day.plusDays(1));
            diligent.checkIn(List.of(), 36.5);
            diligent.awaitCode("checked in on " + day, c -> endOfDay.equals(Instant.parse(c.getString("validUntil"))));
            if (!day.equals(missed)) {
                forgetful.checkIn(List.of(), 36.5);
                forgetful.awaitCode("checked in on " + day, c -> endOfDay.equals(Instant.parse(c.getString("validUntil"))));
            }
        }

        platform.advance(Duration.ofDays(1)); // start + 14: the quarantine is over for the diligent
        diligent.awaitCode("GREEN after 14 check-ins, without a new declaration",
                c -> "GREEN".equals(c.getString("colour")));
        JsonPath extended = forgetful.awaitCode("RED one day longer", c -> "RED".equals(c.getString("colour"))
                && Platform.startOf(start.plusDays(15)).equals(Instant.parse(c.getString("reasons[0].until"))));
        assertEquals("HIGH_RISK_TRAVEL", extended.getString("reasons[0].code"));

        forgetful.checkIn(List.of(), 36.5);
        platform.advance(Duration.ofDays(1));
        forgetful.awaitCode("GREEN a day later", c -> "GREEN".equals(c.getString("colour")));
    }

    @Test
    @Order(98)
    void everyAnswerOfTheJourneyIsWhatTheOpenApiDocumentPublishes() {
        assertEquals(List.of(), contract.mismatches(), "answers that differ from the published schema");
        Set<String> checked = contract.checked();
        for (String call : List.of("POST /api/v1/me/registration 201", "POST /api/v1/me/registration 400",
                "GET /api/v1/me 200", "GET /api/v1/me 404", "POST /api/v1/me/declarations 201",
                "POST /api/v1/me/checkins 201", "GET /api/v1/me/code 200", "GET /api/v1/me/code 404",
                "GET /api/v1/me/code.png 200", "POST /api/v1/me/dependents 201", "GET /api/v1/me/dependents 200",
                "GET /api/v1/me/dependents/{id}/code 200", "GET /api/v1/me/dependents/{id}/code 404",
                "POST /api/v1/codes/verify 200", "PUT /api/v1/regions/{code}/risk 200", "GET /.well-known/jwks.json 200")) {
            assertTrue(checked.contains(call), call + " was not checked; checked: " + checked);
        }
    }

    @Test
    @Order(99)
    void noNameDocumentNumberOrPhoneLeftDeclarationService() throws Exception {
        assertFalse(personalData.isEmpty());
        List<String> events = new ArrayList<>();
        for (String topic : List.of("declaration-submitted", "risk-recalculated")) {
            for (ConsumerRecord<String, String> event : KafkaTestClient.read(topic, r -> true, Integer.MAX_VALUE,
                    Duration.ofSeconds(5))) {
                events.add(event.key() + " " + event.value());
            }
        }
        assertTrue(events.size() > 10, "the journeys published events: " + events.size());
        List<SpanCollector.Span> spans = platform.spans().spans();
        assertTrue(spans.stream().anyMatch(s -> s.service().equals("declaration-service")),
                "the journeys were traced: " + spans.size() + " spans");
        for (String value : personalData) {
            for (String event : events) {
                assertFalse(event.contains(value), "personal data in a Kafka event");
            }
            for (Path log : platform.logs()) {
                assertFalse(Files.readString(log, StandardCharsets.UTF_8).contains(value),
                        "personal data in the log of " + log.getFileName());
            }
            for (SpanCollector.Span span : spans) {
                assertFalse((span.name() + " " + span.attributes() + " " + span.eventsText()).contains(value),
                        "personal data in a span of " + span.service());
            }
        }
    }

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        GrayU8 gray = ConvertBufferedImage.convertFrom(image, (GrayU8) null);
        QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
        detector.process(gray);
        assertEquals(1, detector.getDetections().size(), "one QR code in the image");
        return detector.getDetections().get(0).message;
    }

    static JsonPath await(String what, java.util.function.Supplier<io.restassured.response.Response> call,
                          java.util.function.Predicate<JsonPath> done) {
        return await(what, call, done, Duration.ofSeconds(20));
    }

    /** As above, for a test whose platform may be slower to answer (just started, or just recovered). */
    static JsonPath await(String what, java.util.function.Supplier<io.restassured.response.Response> call,
                          java.util.function.Predicate<JsonPath> done, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            io.restassured.response.Response response = call.get();
            last = response.statusCode() + " " + response.asString();
            if (response.statusCode() == 200 && done.test(response.jsonPath())) {
                return response.jsonPath();
            }
            org.healthcode.infra.Processes.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("not " + what + " within " + patience.toSeconds() + " s; last answer: " + last);
    }

    /** A registered resident and the calls a mini-program makes for them. */
    static final class Citizen {
        final String account = Residents.account();
        final String token = TestTokens.citizen(account);
        final String name = Residents.name();
        final String idNumber = Residents.idNumber();
        final String phone = Residents.phone();
        private String subjectId;

        static Citizen registered() {
            return registeredIn("330106");
        }

        /** A resident of the region (a GB/T 2260 code): their province is that region's. */
        static Citizen registeredIn(String regionCode) {
            Citizen citizen = new Citizen();
            personalData.addAll(List.of(citizen.name, citizen.idNumber, citizen.phone));
            Map<String, Object> registration = new java.util.HashMap<>(
                    Residents.registration(citizen.name, citizen.idNumber, citizen.phone));
            registration.put("regionCode", regionCode);
            citizen.subjectId = given().auth().oauth2(citizen.token).contentType(ContentType.JSON)
                    .body(registration)
                    .post("/api/v1/me/registration")
                    .then().statusCode(201).body("subjectId", notNullValue()).extract().path("subjectId");
            return citizen;
        }

        String subjectId() {
            return subjectId;
        }

        JsonPath code() {
            return given().auth().oauth2(token).get("/api/v1/me/code").then().statusCode(200).extract().jsonPath();
        }

        void declare(Map<String, Object> declaration) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(declaration)
                    .post("/api/v1/me/declarations").then().statusCode(201);
        }

        void checkIn(List<String> symptoms, double temperature) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("symptoms", symptoms, "temperature", temperature))
                    .post("/api/v1/me/checkins").then().statusCode(201);
        }

        JsonPath awaitCode(String what, java.util.function.Predicate<JsonPath> done) {
            return await(what, () -> given().auth().oauth2(token).get("/api/v1/me/code"), done);
        }

        JsonPath awaitCode(String what, java.util.function.Predicate<JsonPath> done, Duration patience) {
            return await(what, () -> given().auth().oauth2(token).get("/api/v1/me/code"), done, patience);
        }
    }
}
