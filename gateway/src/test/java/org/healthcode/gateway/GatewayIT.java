package org.healthcode.gateway;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.healthcode.infra.testing.TestOidcResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway's own duties: authentication, roles, body limits, relaying answers with the
 * caller's token, and a clear 503 when a service is down. A small HTTP server stands in for
 * declaration-service here; the real chain is exercised by the local platform run.
 */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(GatewayIT.DeclarationStandIn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    public static class DeclarationStandIn implements QuarkusTestResourceLifecycleManager {
        static HttpServer server;
        static volatile String lastAuthorization;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/v1/persons/me", exchange -> {
                lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body = "{\"error\":\"NOT_REGISTERED\",\"message\":\"No person\",\"details\":[]}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return Map.of("quarkus.rest-client.declaration.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }

    @Test
    @Order(1)
    void anonymousCallsAreRefused() {
        get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2("forged.token.value").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    @Order(2)
    void staffAreNotCitizens() {
        given().auth().oauth2(TestTokens.staff("checkpoint1", "checkpoint", "330000"))
                .get("/api/v1/me").then().statusCode(403);
    }

    @Test
    @Order(3)
    void aCitizensCallReachesTheServiceWithTheirTokenAndItsAnswerComesBack() {
        String token = TestTokens.citizen("citizen-a");
        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));
        assertEquals("Bearer " + token, DeclarationStandIn.lastAuthorization);
    }

    @Test
    @Order(4)
    void oversizedBodiesAreRefusedBeforeAnyWork() {
        given().auth().oauth2(TestTokens.citizen("citizen-a")).contentType("application/json")
                .body("{\"padding\":\"" + "x".repeat(100_000) + "\"}")
                .post("/api/v1/me").then().statusCode(413);
    }

    @Test
    @Order(5)
    void aServiceThatIsDownIsAClear503() {
        DeclarationStandIn.server.stop(0);
        given().auth().oauth2(TestTokens.citizen("citizen-a")).get("/api/v1/me")
                .then().statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
    }
}
