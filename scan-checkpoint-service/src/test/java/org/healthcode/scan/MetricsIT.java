package org.healthcode.scan;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.healthcode.infra.testing.ExportedMetrics;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.kit.code.Colour;
import org.healthcode.scan.service.FederationBacklog;
import org.junit.jupiter.api.Test;

/** Scans as an operator counts them at /q/metrics: each decided once, by decision and reason. */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class MetricsIT {

    private static final String SCANS = "healthcode_scans_total";

    @Inject
    Pool pool;
    @Inject
    FederationBacklog backlog;

    @Test
    void eachScanDecidedCountsOnceUnderItsDecisionAndReason() throws Exception {
        String venueId = Checkpoints.venue("MARKET").getString("id");
        String green = Checkpoints.subject();
        String red = Checkpoints.subject();
        Checkpoints.colour(pool, red, Colour.RED, Instant.now());
        Scrape before = scrape();

        String allowed = Checkpoints.scanId();
        Checkpoints.scan(Checkpoints.code("k1", "330000", green, Colour.GREEN, false), venueId, allowed)
                .statusCode(200).body("decision", equalTo("ALLOW"));
        String denied = Checkpoints.scanId();
        String redCode = Checkpoints.code("k1", "330000", red, Colour.GREEN, false); // a green screenshot
        Checkpoints.scan(redCode, venueId, denied).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED"));
        Checkpoints.scan(redCode, venueId, denied).statusCode(200).body("decision", equalTo("DENY")); // a retry
        Checkpoints.scan("forged.code.here", venueId, Checkpoints.scanId()).statusCode(200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("MALFORMED"));

        Scrape after = scrape();
        assertEquals(1, scans(after, "ALLOW", "NONE") - scans(before, "ALLOW", "NONE"));
        assertEquals(1, scans(after, "DENY", "COLOUR_RED") - scans(before, "DENY", "COLOUR_RED"),
                "the retry is the same scan, not another");
        assertEquals(1, scans(after, "DENY", "MALFORMED") - scans(before, "DENY", "MALFORMED"),
                "a forged code is counted too");
    }

    @Test
    void exportsEveryMetricListedForIt() throws Exception {
        // the figures appear with the first scan (the federation calls with the first visitor's)
        String venueId = Checkpoints.venue("PARK").getString("id");
        Checkpoints.scan("forged.code.here", venueId, Checkpoints.scanId()).statusCode(200);
        Checkpoints.scan(Checkpoints.code("f1", "350000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200);
        // the contacts sent home with the first one found among visitors (Shandong's port is closed: counted
        // UNREACHABLE and kept)
        String visitor = Checkpoints.subject();
        KafkaTestClient.send("contact-identified", visitor, """
                {"specversion":"1.0","id":"%s","type":"cn.healthcode.contact-identified",
                 "source":"/healthcode/contact-trace-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"traceId":"%s","caseId":"%s","caseSubjectId":"%s","contactSubjectId":"%s","degree":1,
                         "exposure":"CLOSE","venueId":"%s","overlapFrom":"2026-11-20T02:00:00Z",
                         "overlapTo":"2026-11-20T02:30:00Z","lastExposure":"2026-11-20T02:30:00Z","province":"330000",
                         "homeProvince":"370000"}}""".formatted(UUID.randomUUID(), Instant.now(), visitor,
                UUID.randomUUID(), UUID.randomUUID(), Checkpoints.subject(), visitor, UUID.randomUUID()));
        Set<String> names = scrape().names();
        for (int i = 0; i < 300 && !names.contains("healthcode_federation_contacts_sent_total"); i++) {
            Thread.sleep(100);
            names = scrape().names();
        }
        // and the findings waiting for their home, at the next count (Shandong's waits)
        backlog.refresh().await().atMost(java.time.Duration.ofSeconds(10));
        names = scrape().names();
        Set<String> missing = new TreeSet<>(ExportedMetrics.listedFor("scan-checkpoint-service"));
        assertTrue(!missing.isEmpty(), "the list names scan-checkpoint's own figures");
        missing.removeAll(names);
        assertEquals(Set.of(), missing, "listed in " + ExportedMetrics.LIST + " but not exported");
    }

    private static double scans(Scrape scrape, String decision, String reason) {
        return scrape.sum(SCANS, Map.of("mode", "OPERATOR_SCAN", "decision", decision, "reason", reason,
                "province", "330000"));
    }

    private static Scrape scrape() {
        return Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
