package org.healthcode.codeissuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthcode.codeissuer.qr.IndependentQrReader;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.Verification;
import org.junit.jupiter.api.Test;

/** A citizen's code, coloured by risk-recalculated events arriving on the real broker. */
@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
class CodeIT {

    @Inject
    TokenVerifier verifier;

    @Test
    void noCodeBeforeAnyColourHasArrived() {
        String subject = TestKeys.subjectId();
        RiskEvents.code(subject).then().statusCode(404).body("error", equalTo("NO_COLOUR_YET"));
        given().auth().oauth2(TestTokens.platform("gateway")).get("/v1/subjects/{s}/code.png", subject)
                .then().statusCode(404).body("error", equalTo("NO_COLOUR_YET"));
    }

    /**
     * This route takes any subject, so it is the platform's alone: a citizen who knows another
     * person's subjectId (the {@code sub} of any code they have seen) gets no signed code of theirs,
     * nor does staff of any role; the gateway asks with its own service identity.
     */
    @Test
    void aPersonsTokenGetsNobodysCodeHereWhateverItsRole() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "GREEN", false, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        RiskEvents.awaitColour(subject, "GREEN");
        for (String token : List.of(TestTokens.citizen("someone-else"), TestTokens.citizen(subject),
                TestTokens.staff("cp", "checkpoint", "330000"), TestTokens.staff("au", "authority", "330000"),
                TestTokens.staff("ad", "admin", "330000"))) {
            for (String path : List.of("/v1/subjects/{s}/code", "/v1/subjects/{s}/code.png", "/v1/subjects/{s}/code.svg")) {
                given().auth().oauth2(token).get(path, subject).then().statusCode(403)
                        .body("error", equalTo("FORBIDDEN")).body(not(containsString("token\"")));
            }
        }
        given().get("/v1/subjects/{s}/code", subject).then().statusCode(401);
    }

    /** An organisation's roster: many colours at once, without reasons; the platform only. */
    @Test
    void manySubjectsColoursAtOnceWithoutReasonsForThePlatformOnly() throws Exception {
        String red = TestKeys.subjectId();
        String gold = TestKeys.subjectId();
        String none = TestKeys.subjectId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RiskEvents.send(red, "RED", false, now);
        RiskEvents.send(gold, "GREEN", true, now);
        RiskEvents.awaitColour(red, "RED");
        RiskEvents.awaitColour(gold, "GREEN");
        String answer = given().auth().oauth2(TestTokens.platform("gateway")).contentType("application/json")
                .body(Map.of("subjectIds", List.of(red, gold, none, red))).post("/v1/colours").then().statusCode(200)
                .extract().asString();
        JsonPath items = JsonPath.from(answer);
        assertEquals(2, items.getList("items").size(), answer);
        Map<String, Map<String, Object>> bySubject = new HashMap<>();
        for (Map<String, Object> item : items.<Map<String, Object>>getList("items")) {
            bySubject.put((String) item.get("subjectId"), item);
        }
        assertEquals(Map.of("subjectId", red, "colour", "RED", "gold", false), bySubject.get(red));
        assertEquals(Map.of("subjectId", gold, "colour", "GREEN", "gold", true), bySubject.get(gold));
        assertFalse(answer.contains("reasons") || answer.contains("HIGH_RISK"), answer);

        given().auth().oauth2(TestTokens.platform("gateway")).contentType("application/json")
                .body(Map.of("subjectIds", List.of("not a subject"))).post("/v1/colours").then().statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED"));
        for (String token : List.of(TestTokens.citizen("someone"), TestTokens.staff("o", "organisation", "330000"),
                TestTokens.staff("au", "authority", "330000"))) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("subjectIds", List.of(red)))
                    .post("/v1/colours").then().statusCode(403);
        }
    }

    @Test
    void aRiskEventOnKafkaColoursTheCodeWithASignedTokenAndItsReasons() throws Exception {
        String subject = TestKeys.subjectId();
        Instant evaluatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RiskEvents.send(subject, "RED", false, evaluatedAt);

        JsonPath code = RiskEvents.awaitColour(subject, "RED").then().header("Cache-Control", "no-store")
                .extract().jsonPath();
        assertEquals(subject, code.getString("subjectId"));
        assertFalse(code.getBoolean("gold"));
        assertFalse(code.getBoolean("declarationDue"));
        assertEquals(evaluatedAt.plusSeconds(86_400).toString(), code.getString("validUntil"));
        assertEquals(null, code.getString("quarantineUntil"));
        Map<String, Object> reason = new HashMap<>(Map.of("code", "HIGH_RISK_TRAVEL", "since", evaluatedAt.toString()));
        reason.put("until", null);
        assertEquals(List.of(reason), code.getList("reasons"), "code, since and an open-ended until");
        Instant expiresAt = Instant.parse(code.getString("expiresAt"));
        assertTrue(Math.abs(Duration.between(Instant.now().plusSeconds(180), expiresAt).toSeconds()) < 10);

        Verification token = verifier.verify(code.getString("token"));
        assertTrue(token.valid());
        assertEquals(subject, token.claims().subjectId());
        assertEquals("RED", token.claims().colour().name());
        assertTrue(code.getString("token").length() <= 250);
    }

    @Test
    void theQrImagesCarryAFreshTokenInTheCodesColour() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "GREEN", true, Instant.now());
        RiskEvents.awaitColour(subject, "GREEN").then().body("gold", equalTo(true));

        byte[] png = given().auth().oauth2(TestTokens.platform("gateway")).get("/v1/subjects/{s}/code.png", subject)
                .then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store")
                .extract().asByteArray();
        var decoded = IndependentQrReader.read(png);
        assertEquals(1, decoded.size());
        Verification token = verifier.verify(decoded.get(0).message);
        assertTrue(token.valid());
        assertEquals(subject, token.claims().subjectId());
        assertTrue(token.claims().gold());

        given().auth().oauth2(TestTokens.platform("gateway")).get("/v1/subjects/{s}/code.svg", subject)
                .then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .body(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void aDeclarationIsDueOnceTheColourIsNoLongerValid() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "YELLOW", false, Instant.now().minus(Duration.ofDays(2)));
        RiskEvents.awaitColour(subject, "YELLOW").then().body("declarationDue", equalTo(true));
    }

    @Test
    void onlyCitizensGetCodesAndOnlyForAPseudonym() {
        String subject = TestKeys.subjectId();
        given().get("/v1/subjects/{s}/code", subject).then().statusCode(401);
        given().auth().oauth2(TestTokens.staff("cp", "checkpoint", "330000")).get("/v1/subjects/{s}/code", subject)
                .then().statusCode(403);
        RiskEvents.code("not-a-pseudonym").then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details[0].field", equalTo("subjectId"));
    }
}
