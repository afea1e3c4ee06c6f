package org.healthcode.gateway;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.healthcode.gateway.ServiceStandIns.codeIssuer;
import static org.healthcode.gateway.ServiceStandIns.declaration;
import static org.healthcode.gateway.ServiceStandIns.riskScoring;
import static org.healthcode.gateway.ServiceStandIns.subjectOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.healthcode.infra.testing.TestOidcResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway's own duties: authentication, roles, composing calls, relaying answers (images
 * included) with the caller's token, rate limits, body limits, and a clear 503 when a service is
 * down. Small HTTP servers stand in for the services ({@link ServiceStandIns}); the real chain is
 * exercised by the local platform run. Each test uses its own accounts, so rate limits stay apart.
 */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(ServiceStandIns.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    private static final String DECLARATION = "{\"travel\":[{\"regionCode\":\"420106\",\"from\":\"2026-11-10\","
            + "\"to\":\"2026-11-12\"}],\"contactWithCase\":false,\"symptoms\":[\"FEVER\"],\"temperature\":37.9}";

    @BeforeEach
    void forgetCalls() {
        declaration.forgetCalls();
        codeIssuer.forgetCalls();
        riskScoring.forgetCalls();
    }

    @Test
    @Order(1)
    void anonymousCallsAreRefused() {
        get("/api/v1/me").then().statusCode(401);
        get("/api/v1/regions/risk").then().statusCode(401);
        given().auth().oauth2("forged.token.value").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    @Order(2)
    void eachCallIsOpenOnlyToItsRoles() {
        String checkpoint = TestTokens.staff("checkpoint-roles", "checkpoint", "330000");
        given().auth().oauth2(checkpoint).get("/api/v1/me").then().statusCode(403);
        given().auth().oauth2(checkpoint).get("/api/v1/me/code").then().statusCode(403);
        given().auth().oauth2(checkpoint).contentType("application/json").body("{\"level\":\"HIGH\"}")
                .put("/api/v1/regions/420106/risk").then().statusCode(403);
        given().auth().oauth2(TestTokens.citizen("citizen-roles")).contentType("application/json")
                .body("{\"token\":\"valid:x\"}").post("/api/v1/codes/verify").then().statusCode(403);
        assertEquals(List.of(), codeIssuer.calls());
        assertEquals(List.of(), declaration.calls());
        assertEquals(List.of(), riskScoring.calls());
    }

    @Test
    @Order(3)
    void aCitizensCallsReachDeclarationServiceWithTheirTokenAndBody() {
        String sub = "citizen-relay";
        String token = TestTokens.citizen(sub);
        String dependent = "dependent-of-" + sub;
        record Route(String method, String publicPath, String body, String servicePath, int status) {
        }
        List<Route> routes = List.of(
                new Route("POST", "/me/registration", "{\"name\":\"张三\",\"documentType\":\"RESIDENT_ID\"}",
                        "/v1/persons/me/registration", 201),
                new Route("GET", "/me", null, "/v1/persons/me", 200),
                new Route("POST", "/me/declarations", DECLARATION, "/v1/persons/me/declarations", 201),
                new Route("POST", "/me/checkins", "{\"symptoms\":[],\"temperature\":36.6}", "/v1/persons/me/checkins", 201),
                new Route("POST", "/me/dependents", "{\"name\":\"张小三\",\"relation\":\"CHILD\"}",
                        "/v1/persons/me/dependents", 201),
                new Route("GET", "/me/dependents", null, "/v1/persons/me/dependents", 200),
                new Route("GET", "/me/dependents/" + dependent, null, "/v1/persons/me/dependents/" + dependent, 200),
                new Route("POST", "/me/dependents/" + dependent + "/declarations", DECLARATION,
                        "/v1/persons/me/dependents/" + dependent + "/declarations", 201),
                new Route("POST", "/me/dependents/" + dependent + "/checkins", "{\"symptoms\":[\"FATIGUE\"],\"temperature\":37.1}",
                        "/v1/persons/me/dependents/" + dependent + "/checkins", 201));
        for (Route route : routes) {
            var request = given().auth().oauth2(token);
            if (route.body() != null) {
                request.contentType("application/json").body(route.body());
            }
            request.request(route.method(), "/api/v1" + route.publicPath())
                    .then().statusCode(route.status()).contentType("application/json");
            StandIn.Call call = declaration.lastCall();
            assertEquals(route.method() + " " + route.servicePath(), call.method() + " " + call.rawPath(), route.publicPath());
            assertEquals("Bearer " + token, call.authorization(), route.publicPath());
            if (route.body() != null) {
                assertEquals(route.body(), call.body(), route.publicPath());
            }
        }
    }

    @Test
    @Order(4)
    void myCodeIsTheCodeOfMySubjectAsDeclarationServiceKnowsIt() {
        String token = TestTokens.citizen("citizen-code");
        String subjectId = subjectOf("citizen-code");
        given().auth().oauth2(token).get("/api/v1/me/code")
                .then().statusCode(200).contentType("application/json")
                .body("subjectId", equalTo(subjectId)).body("colour", equalTo("GREEN")).body("gold", equalTo(true))
                .body("token", notNullValue()).body("reasons", equalTo(List.of()));
        assertEquals("GET /v1/persons/me", declaration.lastCall().method() + " " + declaration.lastCall().rawPath());
        assertEquals("GET /v1/subjects/" + subjectId + "/code",
                codeIssuer.lastCall().method() + " " + codeIssuer.lastCall().rawPath());
        assertEquals("Bearer " + token, declaration.lastCall().authorization());
        assertEquals("Bearer " + token, codeIssuer.lastCall().authorization());
    }

    @Test
    @Order(5)
    void anUnregisteredCitizenHasNoCodeAndHearsWhy() {
        String token = TestTokens.citizen("newcomer-1");
        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(404).contentType("application/json").body("error", equalTo("NOT_REGISTERED"));
        for (String path : List.of("/api/v1/me/code", "/api/v1/me/code.png", "/api/v1/me/code.svg")) {
            given().auth().oauth2(token).get(path)
                    .then().statusCode(404).contentType("application/json").body("error", equalTo("NOT_REGISTERED"));
        }
        assertEquals(List.of(), codeIssuer.calls());
    }

    @Test
    @Order(6)
    void theQrImagesArriveByteForByteWithTheirContentType() {
        String token = TestTokens.citizen("citizen-images");
        byte[] png = given().auth().oauth2(token).get("/api/v1/me/code.png")
                .then().statusCode(200).header("Content-Type", "image/png").extract().asByteArray();
        assertArrayEquals(ServiceStandIns.PNG, png);
        assertEquals("/v1/subjects/" + subjectOf("citizen-images") + "/code.png", codeIssuer.lastCall().rawPath());

        String svg = given().auth().oauth2(token).get("/api/v1/me/code.svg")
                .then().statusCode(200).header("Content-Type", "image/svg+xml").extract().asString();
        assertEquals(ServiceStandIns.SVG, svg);
    }

    @Test
    @Order(7)
    void aGuardianSeesTheirDependentsCodesAndNoOneElses() {
        String token = TestTokens.citizen("guardian");
        String own = "dependent-of-guardian";
        given().auth().oauth2(token).get("/api/v1/me/dependents/" + own + "/code")
                .then().statusCode(200).body("subjectId", equalTo(subjectOf(own)));
        assertEquals("/v1/persons/me/dependents/" + own, declaration.lastCall().rawPath());
        assertEquals("Bearer " + token, codeIssuer.lastCall().authorization());
        byte[] png = given().auth().oauth2(token).get("/api/v1/me/dependents/" + own + "/code.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(ServiceStandIns.PNG, png);
        given().auth().oauth2(token).get("/api/v1/me/dependents/" + own + "/code.svg")
                .then().statusCode(200).contentType("image/svg+xml");
        codeIssuer.forgetCalls();

        String anothers = "dependent-of-someone-else";
        for (String suffix : List.of("", "/code", "/code.png", "/code.svg")) {
            given().auth().oauth2(token).get("/api/v1/me/dependents/" + anothers + suffix)
                    .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        }
        given().auth().oauth2(token).contentType("application/json").body(DECLARATION)
                .post("/api/v1/me/dependents/" + anothers + "/declarations")
                .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        assertEquals(List.of(), codeIssuer.calls());
    }

    @Test
    @Order(8)
    void aDependentIdCannotStepOutOfTheDependentsPath() {
        given().auth().oauth2(TestTokens.citizen("citizen-walker")).urlEncodingEnabled(false)
                .get("/api/v1/me/dependents/..%2F..%2F..%2Fsubjects%2Fx/code")
                .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        // the id stays one encoded path segment on its way to declaration-service
        assertEquals("/v1/persons/me/dependents/..%2F..%2F..%2Fsubjects%2Fx", declaration.lastCall().rawPath());
        assertEquals(List.of(), codeIssuer.calls());
    }

    @Test
    @Order(9)
    void aCheckpointSeesTheVerdictAndTheHoldersMaskedName() {
        String checkpoint = TestTokens.staff("checkpoint-verify", "checkpoint", "330000");
        String holder = subjectOf("citizen-holder");
        given().auth().oauth2(checkpoint).contentType("application/json").body("{\"token\":\"valid:" + holder + "\"}")
                .post("/api/v1/codes/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("reason", nullValue())
                .body("colour", equalTo("YELLOW")).body("gold", equalTo(false)).body("province", equalTo("330000"))
                .body("maskedName", equalTo("张*三"));
        assertEquals("POST /v1/codes/verify", codeIssuer.lastCall().method() + " " + codeIssuer.lastCall().rawPath());
        assertEquals("/v1/subjects/" + holder + "/masked-name", declaration.lastCall().rawPath());
        assertEquals("Bearer " + checkpoint, declaration.lastCall().authorization());

        // a valid code of a holder this province does not know (another province's, say)
        given().auth().oauth2(TestTokens.staff("authority-verify", "authority", "330000")).contentType("application/json")
                .body("{\"token\":\"valid:" + ServiceStandIns.UNKNOWN_SUBJECT + "\"}").post("/api/v1/codes/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("$", hasKey("maskedName"))
                .body("maskedName", nullValue());

        declaration.forgetCalls();
        given().auth().oauth2(checkpoint).contentType("application/json").body("{\"token\":\"forged\"}")
                .post("/api/v1/codes/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("BAD_SIGNATURE"))
                .body("$", hasKey("maskedName")).body("maskedName", nullValue());
        assertEquals(List.of(), declaration.calls());

        given().auth().oauth2(checkpoint).contentType("application/json").body("{}").post("/api/v1/codes/verify")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED")).body("details[0].field", equalTo("token"));
    }

    @Test
    @Order(10)
    void theAuthoritySetsRegionRiskAndEveryoneSignedInSeesIt() {
        String authority = TestTokens.staff("authority-regions", "authority", "330000");
        given().auth().oauth2(authority).contentType("application/json").body("{\"level\":\"HIGH\"}")
                .put("/api/v1/regions/420106/risk")
                .then().statusCode(200).body("regionCode", equalTo("420106")).body("level", equalTo("HIGH"));
        assertEquals("PUT /v1/regions/420106/risk", riskScoring.lastCall().method() + " " + riskScoring.lastCall().rawPath());
        assertEquals("{\"level\":\"HIGH\"}", riskScoring.lastCall().body());
        assertEquals("Bearer " + authority, riskScoring.lastCall().authorization());

        for (String token : List.of(TestTokens.citizen("citizen-regions"), TestTokens.staff("epi-regions", "epidemiologist", "330000"))) {
            given().auth().oauth2(token).get("/api/v1/regions/risk")
                    .then().statusCode(200).body("items[0].level", equalTo("HIGH"));
        }
    }

    @Test
    @Order(11)
    void anyoneGetsThePublicKeysWithoutAToken() {
        get("/.well-known/jwks.json").then().statusCode(200).contentType("application/json")
                .body("keys[0].kty", equalTo("EC")).body("keys[0].alg", equalTo("ES256"));
        assertEquals(null, codeIssuer.lastCall().authorization());
    }

    @Test
    @Order(12)
    void aCallerWhoSpendsTheBurstWaitsWhileOthersCarryOn() {
        String flooder = TestTokens.citizen("citizen-flooder");
        Response refused = null;
        int allowed = 0;
        for (int call = 0; call < 40 && refused == null; call++) {
            Response answer = given().auth().oauth2(flooder).get("/api/v1/regions/risk");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(200, answer.statusCode());
                allowed++;
            }
        }
        assertTrue(refused != null, "no 429 after 40 calls with a burst of 10 and 1 call a second");
        assertTrue(allowed >= 10, "refused within the burst, after " + allowed + " calls");
        refused.then().contentType("application/json").body("error", equalTo("RATE_LIMITED"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));

        given().auth().oauth2(TestTokens.citizen("citizen-bystander")).get("/api/v1/regions/risk").then().statusCode(200);
    }

    @Test
    @Order(13)
    void oversizedBodiesAreRefusedBeforeAnyWork() {
        given().auth().oauth2(TestTokens.citizen("citizen-oversized")).contentType("application/json")
                .body("{\"padding\":\"" + "x".repeat(100_000) + "\"}")
                .post("/api/v1/me/declarations").then().statusCode(413);
        assertEquals(List.of(), declaration.calls());
    }

    @Test
    @Order(14)
    void theOpenApiDocumentListsThePublicCallsAndTheBearerScheme() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/me/code"))
                .body("paths", hasKey("/api/v1/me/code.png"))
                .body("paths", hasKey("/api/v1/me/dependents/{id}/code"))
                .body("paths", hasKey("/api/v1/codes/verify"))
                .body("paths", hasKey("/api/v1/regions/{code}/risk"))
                .body("paths", hasKey("/.well-known/jwks.json"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/me/code'.get.security[0]", hasKey("bearer"))
                .body("paths.'/.well-known/jwks.json'.get", not(hasKey("security")))
                .body("paths.'/api/v1/me/code'.get.summary", notNullValue())
                .body("paths.'/api/v1/me/registration'.post.responses", hasKey("201"));
    }

    @Test
    @Order(15)
    void aServiceThatIsDownIsAClear503() {
        codeIssuer.stop();
        given().auth().oauth2(TestTokens.citizen("citizen-down")).get("/api/v1/me/code")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
        get("/.well-known/jwks.json").then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));

        declaration.stop();
        given().auth().oauth2(TestTokens.citizen("citizen-down")).get("/api/v1/me")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
        given().auth().oauth2(TestTokens.citizen("citizen-down")).get("/api/v1/me/code")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
    }
}
