package org.healthcode.risk;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.healthcode.infra.testing.ExportedMetrics;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.Scrape;
import org.junit.jupiter.api.Test;

/**
 * The recolouring latency at /q/metrics: one observation per new colour, under the topic of the
 * event that caused it, in buckets that {@code histogram_quantile} reads.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class MetricsIT {

    @Inject
    Pool pool;

    private static final String COUNT = "healthcode_recolouring_latency_seconds_count";
    private static final String BUCKET = "healthcode_recolouring_latency_seconds_bucket";

    @Test
    void eachNewColourIsTimedFromTheEventThatCausedItAndNothingElseIs() throws Exception {
        Scrape before = scrape();

        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.colour("GREEN"));
        TraceEvents confirmed = TraceEvents.caseDecision(subject, UUID.randomUUID().toString(), "CONFIRMED", now()).send();
        RiskEvents.await(subject, RiskEvents.causedBy(confirmed.id()));
        Declarations stillRed = Declarations.checkIn(subject, now()).send(); // the colour stays red
        awaitProcessed(stillRed.id());
        String contact = Declarations.newSubjectId();
        RiskEvents.await(contact, RiskEvents.causedBy(
                TraceEvents.contact(contact, 1, "CLOSE", now().minusSeconds(3600), now()).send().id()));

        Scrape after = awaitCount("contact-identified", recoloured(before, "contact-identified") + 1);
        assertEquals(1, recoloured(after, "declaration-submitted") - recoloured(before, "declaration-submitted"),
                "the first colour, not the check-in that changed none");
        assertEquals(1, recoloured(after, "case-confirmed") - recoloured(before, "case-confirmed"));
        assertEquals(1, recoloured(after, "contact-identified") - recoloured(before, "contact-identified"));
        for (String cause : new String[] {"declaration-submitted", "case-confirmed", "contact-identified"}) {
            assertEquals(recoloured(after, cause), after.sum(BUCKET, Map.of("cause", cause, "le", "+Inf")),
                    "every observation of " + cause + " is in the histogram");
            assertTrue(after.samples(BUCKET, Map.of("cause", cause, "le", "1.0")).size() >= 1,
                    "a bucket at DESIGN.md's one second");
        }
    }

    @Test
    void exportsEveryMetricListedForIt() throws Exception {
        String subject = Declarations.newSubjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(Declarations.harmless(subject, now()).send().id()));
        awaitCount("declaration-submitted", 1);
        Set<String> missing = new TreeSet<>(ExportedMetrics.listedFor("risk-scoring-service"));
        assertTrue(!missing.isEmpty(), "the list names risk-scoring's own figures");
        missing.removeAll(scrape().names());
        assertEquals(Set.of(), missing, "listed in " + ExportedMetrics.LIST + " but not exported");
    }

    /**
     * The scrape once {@code cause} has at least {@code count} observations: the new colour is on
     * Kafka a moment after its commit, and the observation is made right after the commit too.
     */
    private static Scrape awaitCount(String cause, double count) throws InterruptedException {
        Scrape scrape = scrape();
        for (int i = 0; i < 100 && recoloured(scrape, cause) < count; i++) {
            Thread.sleep(100);
            scrape = scrape();
        }
        return scrape;
    }

    private void awaitProcessed(String eventId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (pool.preparedQuery("select count(*) from processed_event where event_id = $1").execute(Tuple.of(eventId))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the check-in was never applied");
    }

    private static double recoloured(Scrape scrape, String cause) {
        return scrape.sum(COUNT, Map.of("cause", cause));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Scrape scrape() {
        return Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
