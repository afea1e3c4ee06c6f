package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.TestTokenEndpoint;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The identity provider down. Here it is the tests' token endpoint (the platform's own client-
 * credentials login; people's tokens are signed by the tests, the verification key is configured),
 * not Keycloak: what this shows is that no call checks a token by asking the provider, that the
 * gateway's own token, once obtained, is kept, and that a login that needs the provider (the
 * gateway's, after a restart) fails with a clear 503, and recovers by itself when the provider is
 * back. With a real Keycloak down, {@link PagesInBrowserIT} shows people's open pages carrying on, a
 * new sign-in told why it cannot happen, and a service started meanwhile answering 503 until it is back.
 */
@Order(2)
class IdentityProviderOutageIT {

    /** How long a colour may take: these tests run right after a start, a crash or an outage, on a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void tokensAlreadyIssuedKeepWorkingAndANewLoginFailsClearly() {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", "330000");
        String venue = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Provider park", "type", "PARK", "regionCode", "330106", "address", "6 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");

        TestTokenEndpoint.stop();
        try {
            // tokens issued before: people's, and the gateway's own (kept until it expires)
            citizen.checkIn(List.of(), 36.5);
            String token = citizen.code().getString("token");
            given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                    .body(Map.of("token", token, "venueId", venue, "scanId", UUID.randomUUID().toString()))
                    .post("/api/v1/scans").then().statusCode(200).body("decision", equalTo("ALLOW"));

            // a gateway that starts now has no identity of its own yet, and cannot log in
            ServiceProcess gateway = platform.instances("gateway").get(0);
            platform.kill(gateway);
            platform.restart(gateway);
            given().auth().oauth2(citizen.token).get("/api/v1/me").then().statusCode(200);
            given().auth().oauth2(citizen.token).get("/api/v1/me/code").then().statusCode(503)
                    .contentType(ContentType.JSON).body("error", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
        } finally {
            TestTokenEndpoint.start();
        }
        // back: the gateway logs in on the next call that needs it, without a restart
        citizen.awaitCode("the code again once the provider is back", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
    }
}
