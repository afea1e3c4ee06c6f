package org.healthcode.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.scan.service.FederationBacklog;
import org.junit.jupiter.api.Test;

/**
 * Contacts across the border, this Zhejiang (330000) service as the sender: contact-trace found a
 * Fujian (350000) visitor as a contact of a case here, and the finding goes to Fujian ({@link
 * HomeProvince}), signed with Zhejiang's federation key; kept and sent again while Fujian cannot take
 * it, kept as failed when a home refuses it for good, never sent for Zhejiang's own people.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class FederationContactSendIT {

    private static final String SENT = "healthcode_federation_contacts_sent_total";
    private static final String PENDING = "healthcode_federation_contacts_pending_findings";
    private static final String OLDEST = "healthcode_federation_contacts_oldest_pending_seconds";
    private static final Path CONTACT_SAMPLE =
            Path.of("../contact-trace-service/src/main/resources/events/contact-identified.sample.json");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    FederationBacklog backlog;

    private final ObjectMapper json = new ObjectMapper();
    private final Path hub = Path.of(ConfigProvider.getConfig().getValue("test.national-hub.dir", String.class));

    @Test
    void aVisitorsContactGoesHomeSignedWithTheFindingAndALocalContactStaysHere() throws Exception {
        Scrape before = scrape();
        String visitor = Checkpoints.subject();
        String resident = Checkpoints.subject();
        String named = Checkpoints.subject();
        Instant from = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(20, ChronoUnit.MINUTES);
        ObjectNode local = contactIdentified(resident, null, 1, "CLOSE", from, to);
        ObjectNode ownProvince = contactIdentified(named, "330000", 1, "CLOSE", from, to);
        ObjectNode found = contactIdentified(visitor, "350000", 1, "CLOSE", from, to);
        KafkaTestClient.send("contact-identified", resident, local.toString());
        KafkaTestClient.send("contact-identified", named, ownProvince.toString());
        KafkaTestClient.send("contact-identified", visitor, found.toString());

        Path received = hub.resolve("fujian-contact-" + visitor);
        await("Fujian receives the finding", () -> Files.exists(received));
        String[] line = Files.readAllLines(received).get(0).split(" ", 2);
        assertEquals("zj-fed", line[0], "signed with Zhejiang's federation key (Fujian checked the signature)");
        JsonNode claims = json.readTree(line[1]);
        assertEquals("330000", claims.get("iss").asText(), "from the case's province");
        assertEquals("350000", claims.get("aud").asText(), "to the visitor's home");
        assertEquals("contact", claims.get("kind").asText());
        String traceId = found.get("data").get("traceId").asText();
        assertEquals(traceId, claims.get("findingId").asText(), "the finding's stable id: its traceId");
        assertEquals(visitor, claims.get("subjectId").asText(), "the home's own pseudonym, as the code carried it");
        assertEquals("1", claims.get("degree").asText());
        assertEquals("CLOSE", claims.get("exposure").asText());
        assertEquals(from, Instant.parse(claims.get("overlapFrom").asText()));
        assertEquals(to, Instant.parse(claims.get("overlapTo").asText()));
        assertEquals(to, Instant.parse(claims.get("lastExposure").asText()));
        assertEquals(List.of(), List.copyOf(names(claims).stream().filter(name -> !List.of("iss", "aud", "iat", "exp",
                "jti", "kind", "findingId", "subjectId", "degree", "exposure", "overlapFrom", "overlapTo",
                "lastExposure").contains(name)).toList()), "nothing else: no case, venue or name");
        await("the finding is settled as sent", () -> "SENT".equals(outgoing(visitor, "status")));
        backlog.refresh().await().atMost(Duration.ofSeconds(10));
        assertEquals(0.0, scrape().sum(PENDING, Map.of("province", "350000")), "nothing waits for Fujian any more");
        assertEquals("ACCEPTED", outgoing(visitor, "last_outcome"));

        // contact-identified delivered again: nothing new queued, nothing sent again
        KafkaTestClient.send("contact-identified", visitor, found.toString());
        KafkaTestClient.send("contact-identified", resident, local.toString());
        Thread.sleep(3000);
        assertEquals(1, Files.readAllLines(received).size(), "sent once");
        assertEquals(1L, Checkpoints.count(pool, "select count(*) from federation_contact_outgoing where subject_id = $1",
                visitor));
        assertEquals(0L, Checkpoints.count(pool, "select count(*) from federation_contact_outgoing "
                + "where subject_id = $1 or subject_id = $2", resident, named), "this province's people stay here");
        assertEquals(1.0, sent(scrape(), "350000", "ACCEPTED") - sent(before, "350000", "ACCEPTED"));
    }

    @Test
    void aFindingTheHomeCouldNotTakeIsSentAgainUntilItDoes() throws Exception {
        String visitor = Checkpoints.subject();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Path down = hub.resolve("fujian-contacts-down");
        Files.writeString(down, "maintenance");
        Scrape before = scrape();
        try {
            KafkaTestClient.send("contact-identified", visitor,
                    contactIdentified(visitor, "350000", 2, "TRANSPORT", at, at.plus(3, ChronoUnit.HOURS)).toString());
            Path attempts = hub.resolve("fujian-contact-attempts-" + visitor);
            await("Fujian is tried twice while down", () -> lines(attempts) >= 2);
            assertEquals("PENDING", outgoing(visitor, "status"), "kept: nothing unacknowledged is dropped");
            assertEquals("ERROR 503", outgoing(visitor, "last_outcome"));
            backlog.refresh().await().atMost(Duration.ofSeconds(10));
            Scrape waiting = scrape();
            assertTrue(waiting.sum(PENDING, Map.of("province", "350000")) >= 1.0, "the operator sees Fujian's backlog");
            assertTrue(waiting.sum(OLDEST, Map.of("province", "350000")) > 0.0, "and how long it has waited");
        } finally {
            Files.deleteIfExists(down);
        }
        Path received = hub.resolve("fujian-contact-" + visitor);
        await("Fujian receives the finding once it is back", () -> Files.exists(received));
        await("the finding is settled as sent", () -> "SENT".equals(outgoing(visitor, "status")));
        JsonNode claims = json.readTree(Files.readAllLines(received).get(0).split(" ", 2)[1]);
        assertEquals("2", claims.get("degree").asText());
        assertEquals("TRANSPORT", claims.get("exposure").asText());
        assertTrue(sent(scrape(), "350000", "ERROR") - sent(before, "350000", "ERROR") >= 2.0);
    }

    @Test
    void aHomeThatRefusesForGoodIsNotAskedAgainAndOneThatCannotBeReachedIsKept() throws Exception {
        Scrape before = scrape();
        String jiangxi = Checkpoints.subject();
        String shandong = Checkpoints.subject();
        String guangdong = Checkpoints.subject();
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // Jiangxi's platform has no route for contacts (404), Shandong's port is closed, Guangdong is
        // on the national list without a federation key
        KafkaTestClient.send("contact-identified", jiangxi,
                contactIdentified(jiangxi, "360000", 1, "SPATIOTEMPORAL", at, at.plusSeconds(3000)).toString());
        KafkaTestClient.send("contact-identified", shandong,
                contactIdentified(shandong, "370000", 1, "CLOSE", at, at.plusSeconds(600)).toString());
        KafkaTestClient.send("contact-identified", guangdong,
                contactIdentified(guangdong, "440000", 1, "CLOSE", at, at.plusSeconds(600)).toString());

        await("Jiangxi's refusal is final", () -> "FAILED".equals(outgoing(jiangxi, "status")));
        assertEquals("REFUSED 404", outgoing(jiangxi, "last_outcome"));
        long attempts = attempts(jiangxi);
        await("Shandong is tried again", () -> attempts(shandong) >= 2);
        assertEquals("PENDING", outgoing(shandong, "status"));
        assertEquals("UNREACHABLE", outgoing(shandong, "last_outcome"));
        await("Guangdong waits for a federation key", () -> attempts(guangdong) >= 1);
        assertEquals("PENDING", outgoing(guangdong, "status"));
        assertEquals("NOT_FEDERATED", outgoing(guangdong, "last_outcome"));
        assertEquals(attempts, attempts(jiangxi), "not asked again");

        Scrape after = scrape();
        assertEquals(1.0, sent(after, "360000", "REFUSED") - sent(before, "360000", "REFUSED"));
        assertTrue(sent(after, "370000", "UNREACHABLE") - sent(before, "370000", "UNREACHABLE") >= 2.0);
        assertTrue(sent(after, "440000", "NOT_FEDERATED") - sent(before, "440000", "NOT_FEDERATED") >= 1.0);
    }

    @Test
    void aHomeWhoseEmergencyHasEndedTakesNoMoreAndIsNotAskedAgain() throws Exception {
        String visitor = Checkpoints.subject();
        Instant at = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Path ended = hub.resolve("fujian-emergency-ended");
        Files.writeString(ended, "ended");
        try {
            KafkaTestClient.send("contact-identified", visitor,
                    contactIdentified(visitor, "350000", 1, "CLOSE", at, at.plusSeconds(900)).toString());
            await("the refusal is final", () -> "FAILED".equals(outgoing(visitor, "status")));
            assertEquals("REFUSED 409 EMERGENCY_ENDED", outgoing(visitor, "last_outcome"), "not taken for a duplicate");
            long attempts = attempts(visitor);
            Thread.sleep(2000);
            assertEquals(attempts, attempts(visitor), "not asked again");
        } finally {
            Files.deleteIfExists(ended);
        }
    }

    /** contact-identified as contact-trace publishes it (its sample), about {@code subject}. */
    private ObjectNode contactIdentified(String subject, String homeProvince, int degree, String exposure,
            Instant from, Instant to) throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(Files.readString(CONTACT_SAMPLE));
        event.put("id", UUID.randomUUID().toString()).put("subject", subject).put("time", Instant.now().toString());
        ((ObjectNode) event.get("data")).put("traceId", UUID.randomUUID().toString())
                .put("caseId", UUID.randomUUID().toString()).put("contactSubjectId", subject).put("degree", degree)
                .put("exposure", exposure).put("overlapFrom", from.toString()).put("overlapTo", to.toString())
                .put("lastExposure", to.toString()).put("homeProvince", homeProvince);
        return event;
    }

    private String outgoing(String subject, String column) {
        RowIterator<Row> rows = pool.preparedQuery("select " + column + " from federation_contact_outgoing "
                + "where subject_id = $1").execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(10)).iterator();
        return rows.hasNext() ? rows.next().getString(0) : null;
    }

    /** How many times the finding about {@code subject} was sent (0 before it is queued). */
    private long attempts(String subject) {
        RowIterator<Row> rows = pool.preparedQuery("select attempts from federation_contact_outgoing where subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(10)).iterator();
        return rows.hasNext() ? rows.next().getInteger(0) : 0;
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static Scrape scrape() {
        return Scrape.of(io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double sent(Scrape scrape, String province, String outcome) {
        return scrape.sum(SENT, Map.of("province", province, "outcome", outcome));
    }
}
