package org.healthcode.codeissuer;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.ExportedMetrics;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** What an operator sees of the code issuer at /q/metrics move when codes are signed, checked and refused. */
@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
class MetricsIT {

    private static final String ISSUED = "healthcode_codes_issued_total";
    private static final String VERIFIED = "healthcode_code_verifications_total";
    private static final String DEAD_LETTERED = "healthcode_events_dead_lettered_total";

    @Test
    void eachCodeSignedCountsUnderItsColour() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "RED", false, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        RiskEvents.awaitColour(subject, "RED");
        Scrape before = scrape();

        RiskEvents.code(subject).then().statusCode(200);
        given().auth().oauth2(TestTokens.platform("gateway")).get("/v1/subjects/{s}/code.png", subject)
                .then().statusCode(200);

        Scrape after = scrape();
        assertEquals(2, issued(after, "RED") - issued(before, "RED"), "the JSON code and the PNG each signed one");
        assertEquals(issued(before, "GREEN"), issued(after, "GREEN"), "no green code was signed");
        assertEquals(issued(before, "YELLOW"), issued(after, "YELLOW"), "no yellow code was signed");
    }

    @Test
    void eachOnlineCheckCountsUnderItsResult() throws Exception {
        String subject = TestKeys.subjectId();
        RiskEvents.send(subject, "GREEN", false, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String token = RiskEvents.awaitColour(subject, "GREEN").then().extract().jsonPath().getString("token");
        Scrape before = scrape();

        verify(token);
        verify("not.a.token");
        verify("not.a.token");

        Scrape after = scrape();
        assertEquals(1, verified(after, "VALID") - verified(before, "VALID"));
        assertEquals(2, verified(after, "MALFORMED") - verified(before, "MALFORMED"));
    }

    @Test
    void aMessageThatCannotBeReadCountsAsDeadLetteredOnItsTopic() throws Exception {
        String subject = TestKeys.subjectId();
        double before = scrape().value(DEAD_LETTERED, Map.of("topic", RiskEvents.TOPIC));

        KafkaTestClient.send(RiskEvents.TOPIC, subject, "{not json");
        assertEquals(1, KafkaTestClient.read("dead-letter-topic-" + RiskEvents.TOPIC, r -> subject.equals(r.key()), 1,
                Duration.ofSeconds(30)).size());

        assertEquals(before + 1, scrape().value(DEAD_LETTERED, Map.of("topic", RiskEvents.TOPIC)));
    }

    @Test
    void exportsEveryMetricListedForIt() {
        Set<String> missing = new TreeSet<>(ExportedMetrics.listedFor("code-issuer-service"));
        assertTrue(!missing.isEmpty(), "the list names the code issuer's own figures");
        missing.removeAll(scrape().names());
        assertEquals(Set.of(), missing, "listed in " + ExportedMetrics.LIST + " but not exported");
    }

    private static void verify(String token) {
        given().auth().oauth2(TestTokens.staff("cp", "checkpoint", "330000")).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/v1/codes/verify").then().statusCode(200);
    }

    private static double issued(Scrape scrape, String colour) {
        return scrape.value(ISSUED, Map.of("colour", colour, "province", "330000"));
    }

    private static double verified(Scrape scrape, String result) {
        return scrape.sum(VERIFIED, Map.of("result", result));
    }

    private static Scrape scrape() {
        return Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
