package org.healthcode.codeissuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.codeissuer.token.KeyRing;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.TokenIssuer;
import org.junit.jupiter.api.Test;

/** Online verification at a checkpoint, and the public keys anyone verifies with offline. */
@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
class VerifyIT {

    @ConfigProperty(name = "code-issuer.keys")
    List<String> keys;

    @Test
    void aReplayedGreenTokenShowsTheHoldersColourNow() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "GREEN", true, Instant.now().minusSeconds(60));
        String greenToken = RiskEvents.awaitColour(subject, "GREEN").jsonPath().getString("token");

        RiskEvents.send(subject, "RED", false, Instant.now());
        RiskEvents.awaitColour(subject, "RED");

        verify(greenToken, "checkpoint").statusCode(200)
                .body("valid", equalTo(true))
                .body("reason", nullValue())
                .body("colour", equalTo("RED"))
                .body("gold", equalTo(false))
                .body("tokenColour", equalTo("GREEN"))
                .body("province", equalTo("330000"))
                .body("subjectId", equalTo(subject))
                .body("expiresAt", equalTo(SignedJWT.parse(greenToken).getJWTClaimsSet().getExpirationTime().toInstant().toString()));
    }

    @Test
    void rotationAndRevocationHoldOnline() {
        String subject = TestKeys.subjectId();
        var parsed = KeyRing.parse(keys);
        String retired = new TokenIssuer(parsed.get("k0"), "330000", Duration.ofSeconds(180), Clock.systemUTC())
                .issue(subject, Colour.GREEN, false).token();
        verify(retired, "authority").statusCode(200).body("valid", equalTo(true)).body("colour", nullValue())
                .body("tokenColour", equalTo("GREEN"));

        String revoked = new TokenIssuer(parsed.get("kx"), "330000", Duration.ofSeconds(180), Clock.systemUTC())
                .issue(subject, Colour.GREEN, false).token();
        verify(revoked, "checkpoint").statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("UNKNOWN_KEY"))
                .body("subjectId", nullValue()).body("tokenColour", nullValue());

        Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        String expired = new TokenIssuer(parsed.get("k1"), "330000", Duration.ofSeconds(180), anHourAgo)
                .issue(subject, Colour.GREEN, false).token();
        verify(expired, "checkpoint").statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("EXPIRED"))
                .body("subjectId", equalTo(subject)).body("colour", nullValue());

        // Online verification trusts this province only; another's code says nothing checked.
        String shanghai = new TokenIssuer(parsed.get("k1"), "310000", Duration.ofSeconds(180), Clock.systemUTC())
                .issue(subject, Colour.GREEN, false).token();
        verify(shanghai, "checkpoint").statusCode(200).body("valid", equalTo(false))
                .body("reason", equalTo("UNTRUSTED_ISSUER")).body("province", nullValue()).body("subjectId", nullValue());

        verify("not.a.token", "checkpoint").statusCode(200).body("valid", equalTo(false))
                .body("reason", equalTo("MALFORMED"));
    }

    @Test
    void onlyCheckpointsAndAuthoritiesVerifyAndATokenIsRequired() {
        given().contentType(ContentType.JSON).body(Map.of("token", "x")).post("/v1/codes/verify").then().statusCode(401);
        given().auth().oauth2(TestTokens.citizen("c")).contentType(ContentType.JSON).body(Map.of("token", "x"))
                .post("/v1/codes/verify").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("e", "epidemiologist", "330000")).contentType(ContentType.JSON)
                .body(Map.of("token", "x")).post("/v1/codes/verify").then().statusCode(403);

        for (String body : new String[] {"{}", "{\"token\":\"  \"}", "{\"token\":null}"}) {
            given().auth().oauth2(TestTokens.staff("cp", "checkpoint", "330000")).contentType(ContentType.JSON).body(body)
                    .post("/v1/codes/verify").then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                    .body("details[0].field", equalTo("token"));
        }
    }

    @Test
    void thePublishedJwksListsEveryKeyNotRevokedAndNimbusVerifiesACodeWithIt() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", containsInAnyOrder("k0", "k1"))
                .body("keys[0].kty", equalTo("EC")).body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].alg", equalTo("ES256")).body("keys[0].use", equalTo("sig"))
                .extract().asString();

        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "YELLOW", false, Instant.now());
        String token = RiskEvents.awaitColour(subject, "YELLOW").jsonPath().getString("token");
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals("k1", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier((ECKey) JWKSet.parse(jwks).getKeyByKeyId("k1"))));
        assertEquals("Y", jwt.getJWTClaimsSet().getStringClaim("c"));
    }

    private static ValidatableResponse verify(String token, String role) {
        return given().auth().oauth2(TestTokens.staff("staff-" + role, role, "330000")).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/v1/codes/verify").then();
    }
}
