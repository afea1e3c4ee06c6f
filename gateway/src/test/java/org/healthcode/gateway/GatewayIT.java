package org.healthcode.gateway;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.healthcode.gateway.ServiceStandIns.codeIssuer;
import static org.healthcode.gateway.ServiceStandIns.contactOf;
import static org.healthcode.gateway.ServiceStandIns.contactTrace;
import static org.healthcode.gateway.ServiceStandIns.declaration;
import static org.healthcode.gateway.ServiceStandIns.riskScoring;
import static org.healthcode.gateway.ServiceStandIns.scanCheckpoint;
import static org.healthcode.gateway.ServiceStandIns.subjectOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.healthcode.infra.testing.TestOidcResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway's own duties: authentication, roles, composing calls (and what each service is
 * sent: never a document number beyond declaration-service, never a subject the citizen chose),
 * masked names added, relaying answers (images and refusals included) with the caller's token, the
 * CSV export, rate limits, body limits, and a clear 503 when a service is down. Small HTTP servers stand in for the services ({@link ServiceStandIns}); the real chain is
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
        scanCheckpoint.forgetCalls();
        contactTrace.forgetCalls();
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
        assertTrue(codeIssuer.lastCall().asPlatform(), "the code is asked for with the gateway's own identity");
    }

    @Test
    @Order(4)
    void showingMyCodeAgainAsksOnlyCodeIssuerSinceMySubjectNeverChanges() {
        String token = TestTokens.citizen("citizen-shows-code-often");
        String subjectId = subjectOf("citizen-shows-code-often");
        given().auth().oauth2(token).get("/api/v1/me/code").then().statusCode(200).body("subjectId", equalTo(subjectId));
        declaration.forgetCalls();
        codeIssuer.forgetCalls();
        for (int display = 0; display < 3; display++) {
            given().auth().oauth2(token).get("/api/v1/me/code").then().statusCode(200).body("subjectId", equalTo(subjectId));
        }
        assertEquals(List.of(), declaration.calls());
        assertEquals(3, codeIssuer.calls().size());
        // another citizen's calls never reuse it
        String other = TestTokens.citizen("citizen-shows-code-once");
        given().auth().oauth2(other).get("/api/v1/me/code").then().statusCode(200)
                .body("subjectId", equalTo(subjectOf("citizen-shows-code-once")));
        assertEquals(1, declaration.calls().size());
    }

    @Test
    @Order(4)
    void aSubjectCodeIssuerDoesNotKnowIsAskedForAgainNextTime() {
        String token = TestTokens.citizen(ServiceStandIns.COLOURLESS);
        for (int display = 0; display < 2; display++) {
            given().auth().oauth2(token).get("/api/v1/me/code").then().statusCode(404)
                    .body("error", equalTo("NO_COLOUR_YET"));
        }
        assertEquals(2, declaration.calls().size(), "after the destruction a kept subject would point nowhere");
    }

    @Test
    @Order(4)
    void theEventContractsAreServedToAnyoneBesideTheOpenApi() {
        get("/asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi: 3.0.0"))
                .body(containsString("events/case-confirmed.schema.json"));
        get("/events/case-confirmed.schema.json").then().statusCode(200).contentType("application/json")
                .body("title", equalTo("case-confirmed"));
        get("/events/risk-recalculated.sample.json").then().statusCode(200)
                .body("type", equalTo("cn.healthcode.risk-recalculated"));
    }

    @Test
    @Order(4)
    void aSessionSaysWhatTheTokenAllowsAndAsksNoService() {
        given().auth().oauth2(TestTokens.citizen("citizen-session")).get("/api/v1/session").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("roles", equalTo(List.of("citizen"))).body("province", nullValue());
        given().auth().oauth2(TestTokens.staff("authority-session", "authority", "330000")).get("/api/v1/session")
                .then().statusCode(200).body("roles", equalTo(List.of("authority"))).body("province", equalTo("330000"))
                .body("communities", equalTo(List.of()));
        String community = "6f1c1c52-3b0e-4f43-9a55-0f7d2c1e8a10";
        given().auth().oauth2(TestTokens.community("worker-session", "330000", community)).get("/api/v1/session")
                .then().statusCode(200).body("roles", equalTo(List.of("community")))
                .body("communities", equalTo(List.of(community)));
        get("/api/v1/session").then().statusCode(401);
        assertEquals(List.of(), declaration.calls());
        assertEquals(List.of(), codeIssuer.calls());
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
        assertTrue(codeIssuer.lastCall().asPlatform(), "the code is asked for with the gateway's own identity");
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
                .post("/api/v1/me/declarations").then().statusCode(413).contentType("application/json")
                .body("error", equalTo("PAYLOAD_TOO_LARGE")).body("message", equalTo("The request body is larger than 64 KiB"));
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
                .body("paths", hasKey("/api/v1/venues"))
                .body("paths", hasKey("/api/v1/venues/{id}/poster.png"))
                .body("paths", hasKey("/api/v1/scans"))
                .body("paths", hasKey("/api/v1/scans/id-card"))
                .body("paths", hasKey("/api/v1/me/venue-checkins"))
                .body("paths", hasKey("/api/v1/cases"))
                .body("paths", hasKey("/api/v1/cases/{id}/contacts"))
                .body("paths", hasKey("/api/v1/cases/{id}/chain"))
                .body("paths", hasKey("/api/v1/cases/{id}/contacts.csv"))
                .body("paths", hasKey("/api/v1/trust-list"))
                .body("paths.'/api/v1/trust-list'.get", not(hasKey("security")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/me/code'.get.security[0]", hasKey("bearer"))
                .body("paths.'/.well-known/jwks.json'.get", not(hasKey("security")))
                .body("paths.'/api/v1/me/code'.get.summary", notNullValue())
                .body("paths.'/api/v1/me/registration'.post.responses", hasKey("201"));
    }

    @Test
    @Order(16)
    void venuesAndTheirPostersComeFromScanCheckpoint() {
        String checkpoint = TestTokens.staff("checkpoint-venues", "checkpoint", "330000");
        String venue = "{\"name\":\"西湖银泰 1号门\",\"type\":\"MALL\",\"regionCode\":\"330102\",\"address\":\"延安路98号\"}";
        given().auth().oauth2(checkpoint).contentType("application/json").body(venue).post("/api/v1/venues")
                .then().statusCode(201).contentType("application/json")
                .body("id", equalTo(ServiceStandIns.VENUE)).body("name", equalTo("西湖银泰 1号门"))
                .body("posterCode", notNullValue());
        assertEquals("POST /v1/venues", scanCheckpoint.lastCall().method() + " " + scanCheckpoint.lastCall().rawPath());
        assertEquals(venue, scanCheckpoint.lastCall().body());
        assertEquals("Bearer " + checkpoint, scanCheckpoint.lastCall().authorization());

        String authority = TestTokens.staff("authority-venues", "authority", "330000");
        given().auth().oauth2(authority).get("/api/v1/venues/" + ServiceStandIns.VENUE)
                .then().statusCode(200).body("type", equalTo("MALL"));
        byte[] poster = given().auth().oauth2(authority).get("/api/v1/venues/" + ServiceStandIns.VENUE + "/poster.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(ServiceStandIns.PNG, poster);
        assertEquals("/v1/venues/" + ServiceStandIns.VENUE + "/poster.png", scanCheckpoint.lastCall().rawPath());
        given().auth().oauth2(authority).get("/api/v1/venues/no-such-venue/poster.png")
                .then().statusCode(404).contentType("application/json").body("error", equalTo("VENUE_NOT_FOUND"));

        scanCheckpoint.forgetCalls();
        for (String token : List.of(TestTokens.citizen("citizen-venues"), TestTokens.staff("epi-venues", "epidemiologist", "330000"))) {
            given().auth().oauth2(token).contentType("application/json").body(venue).post("/api/v1/venues")
                    .then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/venues/" + ServiceStandIns.VENUE + "/poster.png").then().statusCode(403);
        }
        assertEquals(List.of(), scanCheckpoint.calls());
    }

    @Test
    @Order(17)
    void aScanShowsTheHoldersMaskedNameWhetherAllowedOrDenied() {
        String checkpoint = TestTokens.staff("checkpoint-scans", "checkpoint", "330000");
        String holder = subjectOf("citizen-scanned");
        String scan = "{\"token\":\"valid:" + holder + "\",\"venueId\":\"" + ServiceStandIns.VENUE + "\",\"scanId\":\"gate1-1\"}";
        given().auth().oauth2(checkpoint).contentType("application/json").body(scan).post("/api/v1/scans")
                .then().statusCode(200).body("decision", equalTo("ALLOW")).body("reason", nullValue())
                .body("colour", equalTo("GREEN")).body("scanId", equalTo("gate1-1"))
                .body("maskedName", equalTo(ServiceStandIns.maskedNameOf(holder)));
        assertEquals("POST /v1/scans", scanCheckpoint.lastCall().method() + " " + scanCheckpoint.lastCall().rawPath());
        assertEquals(scan, scanCheckpoint.lastCall().body());
        assertEquals("Bearer " + checkpoint, scanCheckpoint.lastCall().authorization());
        StandIn.Call names = declaration.lastCall();
        assertEquals("POST /v1/subjects/masked-names", names.method() + " " + names.rawPath());
        assertEquals("{\"subjectIds\":[\"" + holder + "\"]}", names.body());
        assertEquals("Bearer " + checkpoint, names.authorization());

        String red = subjectOf("citizen-now-red");
        given().auth().oauth2(checkpoint).contentType("application/json")
                .body("{\"token\":\"red:" + red + "\",\"venueId\":\"" + ServiceStandIns.VENUE + "\",\"scanId\":\"gate1-2\"}")
                .post("/api/v1/scans")
                .then().statusCode(200).body("decision", equalTo("DENY")).body("reason", equalTo("COLOUR_RED"))
                .body("maskedName", equalTo(ServiceStandIns.maskedNameOf(red)));

        given().auth().oauth2(checkpoint).contentType("application/json")
                .body("{\"token\":\"valid:" + ServiceStandIns.UNKNOWN_SUBJECT + "\",\"venueId\":\"v\",\"scanId\":\"gate1-3\"}")
                .post("/api/v1/scans")
                .then().statusCode(200).body("decision", equalTo("ALLOW")).body("$", hasKey("maskedName"))
                .body("maskedName", nullValue());

        declaration.forgetCalls();
        given().auth().oauth2(checkpoint).contentType("application/json")
                .body("{\"token\":\"forged\",\"venueId\":\"v\",\"scanId\":\"gate1-4\"}").post("/api/v1/scans")
                .then().statusCode(200).body("decision", equalTo("DENY")).body("reason", equalTo("BAD_SIGNATURE"))
                .body("$", hasKey("maskedName")).body("maskedName", nullValue());
        assertEquals(List.of(), declaration.calls());
    }

    @Test
    @Order(18)
    void onlyCheckpointStaffScan() {
        String scan = "{\"token\":\"valid:x\",\"venueId\":\"v\",\"scanId\":\"s\"}";
        String idCard = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\",\"venueId\":\"v\",\"scanId\":\"s\"}";
        for (String token : List.of(TestTokens.citizen("citizen-scans"), TestTokens.staff("epi-scans", "epidemiologist", "330000"),
                TestTokens.staff("authority-scans", "authority", "330000"))) {
            given().auth().oauth2(token).contentType("application/json").body(scan).post("/api/v1/scans")
                    .then().statusCode(403);
            given().auth().oauth2(token).contentType("application/json").body(idCard).post("/api/v1/scans/id-card")
                    .then().statusCode(403);
        }
        assertEquals(List.of(), scanCheckpoint.calls());
        assertEquals(List.of(), declaration.calls());
    }

    @Test
    @Order(19)
    void anIdCardScanSendsOnlyThePseudonymToScanCheckpoint() {
        String checkpoint = TestTokens.staff("checkpoint-id-card", "checkpoint", "330000");
        String number = "330106199001011234";
        String subject = ServiceStandIns.subjectOfDocument("RESIDENT_ID", number);
        given().auth().oauth2(checkpoint).contentType("application/json")
                .body("{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\"" + number + "\",\"venueId\":\""
                        + ServiceStandIns.VENUE + "\",\"scanId\":\"gate2-1\"}")
                .post("/api/v1/scans/id-card")
                .then().statusCode(200).body("decision", equalTo("ALLOW")).body("subjectId", equalTo(subject))
                .body("scanId", equalTo("gate2-1")).body("maskedName", equalTo(ServiceStandIns.maskedNameOf(subject)));
        StandIn.Call resolve = declaration.calls("POST", "/v1/subjects/resolve").get(0);
        assertEquals("{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\"" + number + "\"}", resolve.body());
        assertEquals("Bearer " + checkpoint, resolve.authorization());
        StandIn.Call scan = scanCheckpoint.lastCall();
        assertEquals("POST /v1/scans/subject", scan.method() + " " + scan.rawPath());
        assertEquals("{\"subjectId\":\"" + subject + "\",\"venueId\":\"" + ServiceStandIns.VENUE
                + "\",\"scanId\":\"gate2-1\"}", scan.body());
        assertTrue(scan.asPlatform(), "a bare subject goes to scan-checkpoint with the gateway's own identity");
        assertEquals(List.of("checkpoint-id-card", "330000"), List.of(scan.onBehalfOf(), scan.onBehalfOfProvince()));

        // a person nobody registered still passes through (and is traced); there is no name to show
        declaration.forgetCalls();
        given().auth().oauth2(checkpoint).contentType("application/json")
                .body("{\"documentType\":\"PASSPORT\",\"documentNumber\":\"UNREG12345\",\"venueId\":\"v\",\"scanId\":\"gate2-2\"}")
                .post("/api/v1/scans/id-card")
                .then().statusCode(200).body("subjectId", equalTo(ServiceStandIns.subjectOfDocument("PASSPORT", "UNREG12345")))
                .body("$", hasKey("maskedName")).body("maskedName", nullValue());
        assertEquals(List.of(), declaration.calls("POST", "/v1/subjects/masked-names"));

        // a bad document is declaration-service's 400, and nothing reaches scan-checkpoint
        scanCheckpoint.forgetCalls();
        given().auth().oauth2(checkpoint).contentType("application/json")
                .body("{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\"BAD1\",\"venueId\":\"v\",\"scanId\":\"gate2-3\"}")
                .post("/api/v1/scans/id-card")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details[0].field", equalTo("documentNumber"));
        assertEquals(List.of(), scanCheckpoint.calls());
    }

    @Test
    @Order(20)
    void aVenueCheckinIsTheCallersAndTheirOwnDependentsWhateverTheBodySays() {
        String sub = "citizen-venue-checkin";
        String token = TestTokens.citizen(sub);
        String dependent = "dependent-of-" + sub;
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"venueCode\":\"HC1.V.poster\",\"dependents\":[\"" + dependent + "\"],\"checkinId\":\"retry-1\","
                        + "\"subjectId\":\"" + subjectOf("someone-else") + "\",\"companions\":[\"" + subjectOf("stranger") + "\"]}")
                .post("/api/v1/me/venue-checkins")
                .then().statusCode(200).contentType("application/json").body("venueName", equalTo("西湖银泰"))
                .body("colour", equalTo("GREEN")).body("companions[0].subjectId", equalTo(subjectOf(dependent)));
        StandIn.Call checkin = scanCheckpoint.lastCall();
        assertEquals("POST /v1/venue-checkins", checkin.method() + " " + checkin.rawPath());
        assertEquals("{\"venueCode\":\"HC1.V.poster\",\"subjectId\":\"" + subjectOf(sub) + "\",\"companions\":[\""
                + subjectOf(dependent) + "\"],\"checkinId\":\"retry-1\"}", checkin.body());
        assertTrue(checkin.asPlatform(), "named subjects go to scan-checkpoint with the gateway's own identity");
        assertEquals(sub, checkin.onBehalfOf());
        assertEquals(List.of("/v1/persons/me", "/v1/persons/me/dependents/" + dependent),
                declaration.calls().stream().map(StandIn.Call::rawPath).toList());

        // alone, without an id of its own: the gateway gives the check-in one
        given().auth().oauth2(token).contentType("application/json").body("{\"venueCode\":\"HC1.V.poster\"}")
                .post("/api/v1/me/venue-checkins").then().statusCode(200);
        JsonNode alone = scanCheckpoint.lastCall().json();
        assertEquals(subjectOf(sub), alone.path("subjectId").asText());
        assertEquals(0, alone.path("companions").size());
        assertTrue(alone.path("checkinId").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                alone.path("checkinId").asText());
    }

    @Test
    @Order(21)
    void anotherGuardiansDependentCannotBeCheckedInAndNothingIsRecorded() {
        String sub = "citizen-companion-thief";
        String token = TestTokens.citizen(sub);
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"venueCode\":\"HC1.V.poster\",\"dependents\":[\"dependent-of-" + sub + "\",\"dependent-of-someone-else\"]}")
                .post("/api/v1/me/venue-checkins")
                .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.citizen("newcomer-venue")).contentType("application/json")
                .body("{\"venueCode\":\"HC1.V.poster\"}").post("/api/v1/me/venue-checkins")
                .then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"venueCode\":\"HC1.V.poster\",\"dependents\":\"dependent-of-" + sub + "\"}")
                .post("/api/v1/me/venue-checkins")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED")).body("details[0].field", equalTo("dependents"));
        given().auth().oauth2(TestTokens.staff("checkpoint-venue-checkin", "checkpoint", "330000")).contentType("application/json")
                .body("{\"venueCode\":\"HC1.V.poster\"}").post("/api/v1/me/venue-checkins").then().statusCode(403);
        assertEquals(List.of(), scanCheckpoint.calls());
    }

    @Test
    @Order(22)
    void aCaseReportedByDocumentReachesContactTraceAsAPseudonym() {
        String authority = TestTokens.staff("authority-cases", "authority", "330000");
        String number = "E98765432";
        String subject = ServiceStandIns.subjectOfDocument("PASSPORT", number);
        given().auth().oauth2(authority).contentType("application/json")
                .body("{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + number + "\",\"status\":\"CONFIRMED\","
                        + "\"onsetDate\":\"2026-11-18\",\"regionCode\":\"330106\"}")
                .post("/api/v1/cases")
                .then().statusCode(201).contentType("application/json").body("subjectId", equalTo(subject))
                .body("status", equalTo("CONFIRMED")).body("id", notNullValue());
        assertEquals("{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + number + "\"}",
                declaration.calls("POST", "/v1/subjects/resolve").get(0).body());
        StandIn.Call report = contactTrace.lastCall();
        assertEquals("POST /v1/cases", report.method() + " " + report.rawPath());
        assertEquals("{\"subjectId\":\"" + subject + "\",\"status\":\"CONFIRMED\",\"onsetDate\":\"2026-11-18\","
                + "\"regionCode\":\"330106\"}", report.body(), "the region the case is counted in goes along");
        assertEquals("Bearer " + authority, report.authorization());

        declaration.forgetCalls();
        given().auth().oauth2(authority).contentType("application/json")
                .body("{\"subjectId\":\"" + subject + "\",\"status\":\"CLEARED\"}").post("/api/v1/cases")
                .then().statusCode(201).body("status", equalTo("CLEARED"));
        assertEquals("{\"subjectId\":\"" + subject + "\",\"status\":\"CLEARED\"}", contactTrace.lastCall().body());
        assertEquals(List.of(), declaration.calls());

        contactTrace.forgetCalls();
        for (String body : List.of("{\"subjectId\":\"" + subject + "\",\"documentType\":\"PASSPORT\",\"documentNumber\":\""
                + number + "\",\"status\":\"CONFIRMED\"}", "{\"status\":\"CONFIRMED\"}", "[]")) {
            String answer = given().auth().oauth2(authority).contentType("application/json").body(body).post("/api/v1/cases")
                    .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED")).extract().asString();
            assertTrue(!answer.contains(number), "echoes the document number");
        }
        given().auth().oauth2(authority).contentType("application/json")
                .body("{\"documentType\":\"PASSPORT\",\"documentNumber\":\"BAD\",\"status\":\"CONFIRMED\"}").post("/api/v1/cases")
                .then().statusCode(400).body("details[0].field", equalTo("documentNumber"));
        assertEquals(List.of(), contactTrace.calls());
    }

    @Test
    @Order(23)
    void onlyTheAuthorityReportsCases() {
        String report = "{\"subjectId\":\"" + subjectOf("case") + "\",\"status\":\"CONFIRMED\"}";
        for (String token : List.of(TestTokens.staff("checkpoint-cases", "checkpoint", "330000"),
                TestTokens.staff("epi-cases", "epidemiologist", "330000"), TestTokens.citizen("citizen-cases"))) {
            given().auth().oauth2(token).contentType("application/json").body(report).post("/api/v1/cases")
                    .then().statusCode(403);
        }
        assertEquals(List.of(), contactTrace.calls());
    }

    @Test
    @Order(24)
    void contactsAndChainsCarryMaskedNamesFromOneBatchCall() {
        String epi = TestTokens.staff("epi-contacts", "epidemiologist", "330000");
        String caseId = "7a0c2f4e-0000-4000-8000-000000000003";
        given().auth().oauth2(epi).get("/api/v1/cases/" + caseId + "/contacts?page=0&size=50")
                .then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(0))
                .body("items.contactSubjectId", equalTo(List.of(contactOf(0), contactOf(1), ServiceStandIns.UNKNOWN_SUBJECT)))
                .body("items[0].maskedName", equalTo(ServiceStandIns.maskedNameOf(contactOf(0))))
                .body("items[1].maskedName", equalTo(ServiceStandIns.maskedNameOf(contactOf(1))))
                .body("items[2]", hasKey("maskedName")).body("items[2].maskedName", nullValue())
                .body("items[0].exposure", equalTo("CLOSE")).body("items[0].overlapFrom", equalTo(ServiceStandIns.OVERLAP_FROM));
        StandIn.Call contacts = contactTrace.lastCall();
        assertEquals("/v1/cases/" + caseId + "/contacts", contacts.rawPath());
        assertEquals("0", contacts.query("page"));
        assertEquals("50", contacts.query("size"));
        assertEquals(null, contacts.query("export"), "a read, audited as one");
        assertEquals("Bearer " + epi, contacts.authorization());
        List<StandIn.Call> batches = declaration.calls("POST", "/v1/subjects/masked-names");
        assertEquals(1, batches.size());
        assertEquals(3, batches.get(0).json().path("subjectIds").size());

        String authority = TestTokens.staff("authority-chain", "authority", "330000");
        given().auth().oauth2(authority).get("/api/v1/cases/" + caseId + "/chain")
                .then().statusCode(200)
                .body("nodes.subjectId", equalTo(List.of(subjectOf("case"), contactOf(0), ServiceStandIns.UNKNOWN_SUBJECT)))
                .body("nodes.maskedName", equalTo(Arrays.asList(ServiceStandIns.maskedNameOf(subjectOf("case")),
                        ServiceStandIns.maskedNameOf(contactOf(0)), null)))
                .body("edges[0].source", equalTo(subjectOf("case"))).body("edges[0].venueId", equalTo(ServiceStandIns.VENUE));
        assertEquals(2, declaration.calls("POST", "/v1/subjects/masked-names").size());

        contactTrace.forgetCalls();
        for (String token : List.of(TestTokens.staff("checkpoint-contacts", "checkpoint", "330000"), TestTokens.citizen("citizen-contacts"))) {
            for (String suffix : List.of("/contacts", "/chain", "/contacts.csv")) {
                given().auth().oauth2(token).get("/api/v1/cases/" + caseId + suffix).then().statusCode(403);
            }
        }
        assertEquals(List.of(), contactTrace.calls());
    }

    @Test
    @Order(25)
    void contactTracesRefusalsArriveUnchanged() {
        String epi = TestTokens.staff("epi-refused", "epidemiologist", "330000");
        for (String suffix : List.of("/contacts", "/chain", "/contacts.csv", "")) {
            given().auth().oauth2(epi).get("/api/v1/cases/" + ServiceStandIns.CASE_ELSEWHERE + suffix)
                    .then().statusCode(403).contentType("application/json").body("error", equalTo("FORBIDDEN_PROVINCE"));
        }
        String authority = TestTokens.staff("authority-refused", "authority", "330000");
        for (String suffix : List.of("/contacts", "/chain", "/contacts.csv")) {
            given().auth().oauth2(authority).get("/api/v1/cases/" + ServiceStandIns.CASE_UNKNOWN + suffix)
                    .then().statusCode(404).contentType("application/json").body("error", equalTo("CASE_NOT_FOUND"));
        }
        assertEquals(List.of(), declaration.calls());
    }

    @Test
    @Order(26)
    void theCsvExportHoldsEveryContactOfEveryPage() {
        String epi = TestTokens.staff("epi-csv", "epidemiologist", "330000");
        Response csv = given().auth().oauth2(epi).get("/api/v1/cases/" + ServiceStandIns.CASE_LARGE + "/contacts.csv");
        csv.then().statusCode(200).contentType("text/csv").header("Transfer-Encoding", "chunked")
                .header("Content-Disposition", "attachment; filename=\"case-" + ServiceStandIns.CASE_LARGE + "-contacts.csv\"");
        String[] lines = new String(csv.asByteArray(), StandardCharsets.UTF_8).split("\r\n", -1);
        assertEquals(1 + ServiceStandIns.LARGE_CASE_CONTACTS + 1, lines.length, "header, rows, and the final line break");
        assertEquals("contactSubjectId,maskedName,degree,exposure,venueId,overlapFrom,overlapTo,homeProvince", lines[0]);
        assertEquals(String.join(",", contactOf(0), ServiceStandIns.maskedNameOf(contactOf(0)), "1", "CLOSE",
                ServiceStandIns.VENUE, ServiceStandIns.OVERLAP_FROM, ServiceStandIns.OVERLAP_TO, ""), lines[1]);
        assertEquals(String.join(",", contactOf(1202), ServiceStandIns.maskedNameOf(contactOf(1202)), "1", "CLOSE",
                ServiceStandIns.VENUE, ServiceStandIns.OVERLAP_FROM, ServiceStandIns.OVERLAP_TO, ""), lines[1203]);
        assertTrue(lines[10].contains(",2,SPATIOTEMPORAL,"), lines[10]);
        assertEquals("", lines[1204]);

        List<StandIn.Call> pages = contactTrace.calls();
        assertEquals(List.of("0", "1", "2"), pages.stream().map(call -> call.query("page")).toList());
        assertTrue(pages.stream().allMatch(call -> "500".equals(call.query("size"))));
        assertTrue(pages.stream().allMatch(call -> "true".equals(call.query("export"))), "audited as an export");
        assertTrue(pages.stream().allMatch(call -> ("Bearer " + epi).equals(call.authorization())));
        List<StandIn.Call> batches = declaration.calls("POST", "/v1/subjects/masked-names");
        assertEquals(List.of(500, 500, 203), batches.stream().map(call -> call.json().path("subjectIds").size()).toList());
        assertTrue(batches.stream().allMatch(call -> ("Bearer " + epi).equals(call.authorization())));
    }

    @Test
    @Order(27)
    void aCsvExportThatFailsHalfWayIsAFailedDownloadNotAShortFile() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/cases/" + ServiceStandIns.CASE_CUT_SHORT + "/contacts.csv"))
                .header("Authorization", "Bearer " + TestTokens.staff("epi-csv-cut", "epidemiologist", "330000")).build();
        HttpClient client = HttpClient.newHttpClient();
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(2, contactTrace.calls().size());
    }

    @Test
    @Order(28)
    void anyoneGetsTheTrustListWithoutAToken() {
        get("/api/v1/trust-list").then().statusCode(200).contentType("application/json")
                .body("'330000'.keys[0].kid", equalTo("k1")).body("'310000'.keys", equalTo(List.of()));
        assertEquals("GET /trust-list", scanCheckpoint.lastCall().method() + " " + scanCheckpoint.lastCall().rawPath());
        assertEquals(null, scanCheckpoint.lastCall().authorization());
    }

    @Test
    @Order(29)
    void anotherProvinceAsksForAColourOrSendsAContactWithoutATokenAndScanCheckpointJudgesTheSignature() {
        given().contentType("application/jose").body("eyJhbGciOiJFUzI1NiJ9.e30.c2ln".getBytes(StandardCharsets.US_ASCII))
                .post("/api/v1/federation/colour").then().statusCode(200).body("colour", equalTo("GREEN"));
        assertEquals("POST /v1/federation/colour", scanCheckpoint.lastCall().method() + " "
                + scanCheckpoint.lastCall().rawPath());
        assertEquals("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", scanCheckpoint.lastCall().body(), "forwarded as it came");
        assertEquals(null, scanCheckpoint.lastCall().authorization(), "no identity added: the signature is the credential");
        given().contentType("application/jose").body("garbage".getBytes(StandardCharsets.US_ASCII))
                .post("/api/v1/federation/colour").then().statusCode(400).body("error", equalTo("FEDERATION_MALFORMED"));
        get("/.well-known/federation-jwks.json").then().statusCode(200).body("keys", equalTo(List.of()));
        // a contact its tracing found among this province's people, the same way
        given().contentType("application/jose").body("eyJhbGciOiJFUzI1NiJ9.e30.Y29udGFjdA".getBytes(
                StandardCharsets.US_ASCII)).post("/api/v1/federation/contacts").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        assertEquals("POST /v1/federation/contacts", scanCheckpoint.lastCall().method() + " "
                + scanCheckpoint.lastCall().rawPath());
        assertEquals("eyJhbGciOiJFUzI1NiJ9.e30.Y29udGFjdA", scanCheckpoint.lastCall().body(), "forwarded as it came");
        assertEquals(null, scanCheckpoint.lastCall().authorization(), "no identity added: the signature is the credential");
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/federation/contacts'.post", not(hasKey("security")))
                .body("paths.'/api/v1/federation/colour'.post", not(hasKey("security")))
                .body("paths.'/.well-known/federation-jwks.json'.get", not(hasKey("security")));
    }

    @Test
    @Order(40)
    void theExplanationIsOfTheCallersOwnSubjectInTheLanguageAsked() {
        String token = TestTokens.citizen("citizen-why");
        given().auth().oauth2(token).header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/me/code/explanation")
                .then().statusCode(200).body("subjectId", equalTo(subjectOf("citizen-why")));
        StandIn.Call call = riskScoring.lastCall();
        assertEquals("/v1/subjects/" + subjectOf("citizen-why") + "/explanation", call.rawPath());
        assertEquals("en-GB,en;q=0.9", call.language());
        assertTrue(call.asPlatform(), "the explanation is asked for with the gateway's own identity");

        given().auth().oauth2(token).get("/api/v1/me/dependents/dependent-of-citizen-why/code/explanation")
                .then().statusCode(200).body("subjectId", equalTo(subjectOf("dependent-of-citizen-why")));
        given().auth().oauth2(token).get("/api/v1/me/dependents/dependent-of-someone-else/code/explanation")
                .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.citizen("newcomer-why")).get("/api/v1/me/code/explanation")
                .then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));
        assertEquals(2, riskScoring.calls().size(), "no explanation asked for another's subject");
    }

    @Test
    @Order(41)
    void appealsGoToDeclarationAndAnUpheldOneOpensAnOverrideProposalForItsSubject() {
        String citizen = TestTokens.citizen("citizen-appeal");
        given().auth().oauth2(citizen).contentType("application/json").body("{\"reason\":\"wrong colour\"}")
                .post("/api/v1/me/appeals").then().statusCode(201).body("status", equalTo("OPEN"));
        assertEquals("POST /v1/persons/me/appeals", declaration.lastCall().method() + " " + declaration.lastCall().rawPath());
        given().auth().oauth2(citizen).get("/api/v1/me/appeals").then().statusCode(200);
        given().auth().oauth2(citizen).get("/api/v1/appeals").then().statusCode(403);

        String authority = TestTokens.staff("authority-appeals", "authority", "330000");
        given().auth().oauth2(authority).queryParam("status", "OPEN").queryParam("limit", "20").get("/api/v1/appeals")
                .then().statusCode(200);
        assertEquals("status=OPEN&limit=20", declaration.lastCall().rawQuery());

        given().auth().oauth2(authority).contentType("application/json")
                .body("{\"decision\":\"REJECTED\",\"note\":\"scan log checked\",\"override\":{\"colour\":\"GREEN\"}}")
                .post("/api/v1/appeals/" + ServiceStandIns.APPEAL + "/answer").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("$", not(hasKey("overrideProposal")));
        assertEquals(List.of(), riskScoring.calls(), "a rejected appeal proposes nothing");
        assertEquals(null, declaration.lastCall().json().get("override"), "declaration gets the answer alone");

        given().auth().oauth2(authority).contentType("application/json")
                .body("{\"decision\":\"UPHELD\",\"note\":\"not there\",\"override\":{\"colour\":\"GREEN\","
                        + "\"until\":\"2026-12-31T16:00:00Z\"}}")
                .post("/api/v1/appeals/" + ServiceStandIns.APPEAL + "/answer").then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("overrideProposal.status", equalTo("PROPOSED"))
                .body("overrideProposal.subjectId", equalTo(subjectOf("someone")));
        JsonNode proposal = riskScoring.lastCall().json();
        assertEquals(subjectOf("someone"), proposal.get("subjectId").asText(), "the appeal's subject, not a chosen one");
        assertEquals("GREEN", proposal.get("colour").asText());
        assertEquals("2026-12-31T16:00:00Z", proposal.get("until").asText());
        assertEquals("Bearer " + authority, riskScoring.lastCall().authorization());
    }

    @Test
    @Order(42)
    void overridesAndRuleSetsAreTheAuthoritysAndRefusalsArriveUnchanged() {
        given().auth().oauth2(TestTokens.staff("proposer", "authority", "330000")).contentType("application/json")
                .body("{\"note\":\"ok\"}").post("/api/v1/overrides/" + ServiceStandIns.OVERRIDE + "/approve")
                .then().statusCode(403).body("error", equalTo("SELF_APPROVAL"));
        String authority = TestTokens.staff("authority-rules", "authority", "330000");
        given().auth().oauth2(authority).contentType("application/json").body("{\"note\":\"ok\"}")
                .post("/api/v1/overrides/" + ServiceStandIns.OVERRIDE + "/reject").then().statusCode(200);
        assertEquals("/v1/overrides/" + ServiceStandIns.OVERRIDE + "/reject", riskScoring.lastCall().rawPath());
        given().auth().oauth2(authority).queryParam("status", "PROPOSED").get("/api/v1/overrides").then().statusCode(200);
        assertEquals("status=PROPOSED", riskScoring.lastCall().rawQuery());
        given().auth().oauth2(authority).contentType("application/json").body("{\"definition\":{}}")
                .post("/api/v1/rule-sets/dry-run").then().statusCode(200);
        given().auth().oauth2(authority).contentType("application/json").body("{\"definition\":{}}")
                .post("/api/v1/rule-sets").then().statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(TestTokens.staff("admin-rules", "admin", "330000")).get("/api/v1/rule-sets")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.staff("epi-rules", "epidemiologist", "330000")).contentType("application/json")
                .body("{\"subjectId\":\"x\"}").post("/api/v1/overrides").then().statusCode(403);
    }

    @Test
    @Order(43)
    void theAdminReadsOneAuditTrailFromEveryServiceOldestFirst() {
        String admin = TestTokens.staff("admin-audit", "admin", "330000");
        JsonNode trail = given().auth().oauth2(admin).queryParam("subjectId", "abc").queryParam("limit", "4")
                .get("/api/v1/audit").then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(4, trail.get("entries").size(), "five services, cut to the limit");
        List<String> times = new java.util.ArrayList<>();
        trail.get("entries").forEach(e -> times.add(e.get("at").asText()));
        assertEquals(times.stream().sorted().toList(), times);
        assertTrue(trail.get("entries").get(0).has("service"));
        for (StandIn service : List.of(declaration, riskScoring, codeIssuer, scanCheckpoint, contactTrace)) {
            StandIn.Call call = service.lastCall();
            assertEquals("GET /v1/audit", call.method() + " " + call.rawPath());
            assertEquals("subjectId=abc&limit=4", call.rawQuery());
            assertEquals("Bearer " + admin, call.authorization());
        }
        given().auth().oauth2(TestTokens.staff("authority-audit", "authority", "330000")).get("/api/v1/audit")
                .then().statusCode(403);
    }

    @Test
    @Order(44)
    void destructionNeedsTheConfirmationRunsInEveryServiceAndSaysWhatDidNotFinish() {
        String admin = TestTokens.staff("admin-destroy", "admin", "330000");
        given().auth().oauth2(admin).contentType("application/json").body("{\"confirmation\":\"yes\"}")
                .post("/api/v1/admin/destruction").then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        assertEquals(List.of(), declaration.calls(), "no service asked");

        String confirmed = "{\"confirmation\":\"DESTROY ALL PERSONAL DATA\"}";
        ServiceStandIns.stillInEmergency = "scan-checkpoint-service";
        try {
            given().auth().oauth2(admin).get("/api/v1/admin/emergency").then().statusCode(200)
                    .body("ended", equalTo(false)).body("services.size()", equalTo(5));
            given().auth().oauth2(admin).contentType("application/json").body(confirmed).post("/api/v1/admin/destruction")
                    .then().statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"))
                    .body("message", org.hamcrest.Matchers.containsString("scan-checkpoint-service"));
            assertTrue(declaration.calls().stream().noneMatch(c -> c.rawPath().startsWith("/v1/admin/destruction")),
                    "nothing destroyed while the emergency goes on somewhere");
        } finally {
            ServiceStandIns.stillInEmergency = "";
        }
        given().auth().oauth2(admin).contentType("application/json").body("{}").post("/api/v1/admin/emergency/end")
                .then().statusCode(400).body("details[0].field", equalTo("confirmation"));
        assertTrue(declaration.calls().stream().noneMatch(c -> c.rawPath().equals("/v1/admin/emergency/end")),
                "no service asked");
        given().auth().oauth2(admin).contentType("application/json").body("{\"confirmation\":\"END THE EMERGENCY\"}")
                .post("/api/v1/admin/emergency/end").then().statusCode(200)
                .body("ended", equalTo(true)).body("services.endedBy", equalTo(java.util.Collections.nCopies(5, "admin-1")));
        given().auth().oauth2(admin).contentType("application/json").body(confirmed).post("/api/v1/admin/destruction")
                .then().statusCode(200).body("complete", equalTo(true)).body("reports.size()", equalTo(5))
                .body("failures.size()", equalTo(0)).body("events.service", equalTo("declaration-service"))
                .body("events.topics[0].removed", equalTo(2450)).body("events.empty", equalTo(true));
        assertEquals(confirmed, contactTrace.lastCall().body());
        assertEquals("/v1/admin/destruction/topics", declaration.lastCall().rawPath(), "events once the tables are empty");
        assertEquals(1, declaration.calls().stream().filter(c -> c.rawPath().equals("/v1/admin/destruction/topics"))
                .count());
        assertTrue(contactTrace.calls().stream().noneMatch(c -> c.rawPath().equals("/v1/admin/destruction/topics")),
                "the events are destroyed once, by one service");

        ServiceStandIns.downForDestruction = "contact-trace-service";
        try {
            given().auth().oauth2(admin).contentType("application/json").body(confirmed).post("/api/v1/admin/destruction")
                    .then().statusCode(502).body("complete", equalTo(false)).body("reports.size()", equalTo(4))
                    .body("failures[0].status", equalTo(500));
        } finally {
            ServiceStandIns.downForDestruction = "";
        }
        given().auth().oauth2(admin).post("/api/v1/admin/purge").then().statusCode(200)
                .body("reports.service", org.hamcrest.Matchers.hasItem("scan-checkpoint-service"));
    }

    @Test
    @Order(45)
    void anyoneLooksUpFeverClinicsAndPublicFiguresWithoutATokenButOnlyAnAuthorityAddsAClinic() {
        get("/api/v1/fever-clinics?region=330106").then().statusCode(200).body("items", equalTo(List.of()));
        assertEquals("GET /v1/fever-clinics", riskScoring.lastCall().method() + " " + riskScoring.lastCall().rawPath());
        assertEquals("330106", riskScoring.lastCall().query("region"));
        assertEquals(null, riskScoring.lastCall().authorization());
        get("/api/v1/public/figures?region=330100").then().statusCode(200).body("regionCode", equalTo("330100"));
        assertEquals("GET /v1/public/figures", riskScoring.lastCall().method() + " " + riskScoring.lastCall().rawPath());
        assertEquals(null, riskScoring.lastCall().authorization());

        riskScoring.forgetCalls();
        String clinic = "{\"name\":\"发热门诊\",\"regionCode\":\"330106\"}";
        given().contentType("application/json").body(clinic).post("/api/v1/fever-clinics").then().statusCode(401)
                .body("error", notNullValue());
        given().auth().oauth2(TestTokens.citizen("citizen-clinic")).contentType("application/json").body(clinic)
                .post("/api/v1/fever-clinics").then().statusCode(403).body("error", notNullValue());
        given().auth().oauth2(TestTokens.citizen("citizen-clinic")).delete("/api/v1/fever-clinics/" + UUID.randomUUID())
                .then().statusCode(403);
        assertEquals(List.of(), riskScoring.calls(), "refused at the gateway");
        String authority = TestTokens.staff("authority-clinic", "authority", "330000");
        given().auth().oauth2(authority).contentType("application/json").body(clinic).post("/api/v1/fever-clinics")
                .then().statusCode(201).body("regionCode", equalTo("330106"));
        assertEquals("POST /v1/fever-clinics", riskScoring.lastCall().method() + " " + riskScoring.lastCall().rawPath());
        assertEquals("Bearer " + authority, riskScoring.lastCall().authorization());
        assertEquals(clinic, riskScoring.lastCall().body());
    }

    @Test
    @Order(99)
    void aServiceThatIsDownIsAClear503() {
        codeIssuer.stop();
        given().auth().oauth2(TestTokens.citizen("citizen-down")).get("/api/v1/me/code")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
        get("/.well-known/jwks.json").then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));

        scanCheckpoint.stop();
        get("/api/v1/trust-list").then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));

        declaration.stop();
        given().auth().oauth2(TestTokens.citizen("citizen-down")).get("/api/v1/me")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
        given().auth().oauth2(TestTokens.citizen("citizen-down")).get("/api/v1/me/code")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
    }
}
