package org.healthcode.gateway;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.healthcode.infra.testing.ExportedMetrics;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.infra.testing.TestOidcResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Requests at the gateway's /q/metrics are counted per route template and status: a path's ids, and
 * whatever made-up paths callers send, never become series of their own.
 */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(ServiceStandIns.class)
class MetricsIT {

    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        String id = UUID.randomUUID().toString();
        String token = TestTokens.citizen("metrics-" + id);
        int status = given().auth().oauth2(token).get("/api/v1/me/dependents/{id}", id).statusCode();
        given().auth().oauth2(token).get("/api/v1/no-such-route/{id}", id).then().statusCode(404);
        get("/api/v1/made-up/{id}", id).then().statusCode(401);
        get("/api/v1/cases/{id}", id).then().statusCode(401);

        String text = get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(text.contains(id), "no id nor made-up path in any series");
        Scrape scrape = Scrape.of(text);
        assertTrue(scrape.sum(REQUESTS, Map.of("uri", "/api/v1/me/dependents/{id}", "status", String.valueOf(status),
                "application", "gateway")) >= 1, "the dependent's call under its route");
        assertTrue(scrape.sum(REQUESTS, Map.of("uri", "/api/v1/cases/{id}", "status", "401")) >= 1,
                "a refusal of a real route keeps its route");
        assertTrue(scrape.sum(REQUESTS, Map.of("uri", "NOT_FOUND", "status", "404")) >= 1);
        assertTrue(scrape.sum(REQUESTS, Map.of("uri", "UNKNOWN", "status", "401")) >= 1,
                "a made-up path refused counts as UNKNOWN");
    }

    @Test
    void exportsEveryMetricListedForIt() {
        get("/api/v1/regions/risk").then().statusCode(401);
        Set<String> expected = ExportedMetrics.listedFor(ExportedMetrics.EVERY_SERVICE, "gateway");
        Scrape scrape = Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(scrape.names());
        assertEquals(Set.of(), missing, "listed in " + ExportedMetrics.LIST + " but not exported");
    }
}
