package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.healthcode.infra.testing.ConsumedTopics;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Poison on every consumed topic: a message that is not JSON, one that is JSON but no event, and an
 * event whose data cannot be (an unknown kind, status, degree, colour, venue type; on the topics
 * consumed since, an exposure nobody knows, a case status a list cannot give, a passenger's mode that
 * is no transport, a paper id that is no print's). Each goes to its topic's dead-letter topic with
 * the reason in its headers, once per consumer group reading the topic, and the consumer keeps going:
 * the real events behind it, on the same partition (same key), are applied. The core flow's topics
 * ({@link Events#CONSUMED}) carry the platform's own traffic behind the poison; those consumed since
 * ({@link Events#CONSUMED_SINCE}) each a valid event of their producer's sample. Then the re-drive:
 * an event that could not be applied (the database refused it) is listed to the admin, and once the
 * cause is fixed, re-driven through the gateway and applied, once.
 */
@Order(2)
class PoisonMessageIT {

    private static final String PROVINCE = "330000";
    /** The modules whose consumers the drill covers. */
    private static final List<String> SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service", "gateway");
    /** An event whose envelope is fine and whose data cannot be, per topic. */
    private static final Map<String, Consumer<ObjectNode>> IMPOSSIBLE = Map.of(
            "declaration-submitted", data -> data.put("kind", "WEEKLY"),
            "case-confirmed", data -> data.put("status", "MAYBE"),
            "contact-identified", data -> data.put("degree", 7),
            "risk-recalculated", data -> data.put("colour", "PURPLE"),
            "scan-recorded", data -> data.put("venueType", "SPACESHIP"),
            "federation-contact-received", data -> data.put("exposure", "TELEPATHIC"),
            "case-reported", data -> data.put("status", "CLEARED"),
            "manifest-passenger-imported", data -> data.put("mode", "MARKET"),
            "paper-code-issued", data -> data.put("paperId", "PAPER-1"));

    /** How long a colour may take: these tests run right after a start, a crash or an outage, on a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static Platform platform;
    private final String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE);
    private final String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", PROVINCE);
    private final String adminAccount = "admin-" + UUID.randomUUID();
    private final String admin = TestTokens.staff(adminAccount, "admin", PROVINCE);

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void poisonOnEveryTopicIsDeadLetteredWithItsReasonAndTheEventsBehindItAreApplied() throws Exception {
        Citizen patient = Citizen.registered();
        Citizen contact = Citizen.registered();
        Map<TopicPartition, Long> before;
        try (Admin kafka = Events.admin(platform)) {
            before = Events.ends(kafka, Events.CONSUMED.keySet().stream().map(t -> "dead-letter-topic-" + t).toList());
        }

        // the poison first, under the keys of the real events that follow (one person's events share a partition)
        int poisoned = 0;
        for (String topic : Events.CONSUMED.keySet()) {
            String key = topic.equals("contact-identified") ? contact.subjectId() : patient.subjectId();
            KafkaTestClient.sendAll(topic, key, List.of("not json {", "{\"hello\":\"world\"}",
                    Events.sample(platform, topic, key, IMPOSSIBLE.get(topic))));
            poisoned += 3;
        }

        // the real traffic behind it: declarations, colours, scans, a case and its contact
        for (Citizen citizen : List.of(patient, contact)) {
            citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            citizen.awaitCode("GREEN behind the poison", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        }
        String venue = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Poison market", "type", "MARKET", "regionCode", "330106", "address", "3 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        List<String> scans = new ArrayList<>();
        for (Citizen citizen : List.of(patient, contact)) {
            String scanId = UUID.randomUUID().toString();
            scans.add(scanId);
            CitizenJourneyIT.await("ALLOW with the colour behind the poison", () -> given().auth().oauth2(checkpoint)
                    .contentType(ContentType.JSON).body(Map.of("token", citizen.code().getString("token"),
                            "venueId", venue, "scanId", scanId)).post("/api/v1/scans"),
                    scan -> "ALLOW".equals(scan.getString("decision")) && "GREEN".equals(scan.getString("colour")), PATIENCE);
        }
        awaitCount("both scans in the visit index", "select count(*) from contact_trace.visit where scan_id = any(?)",
                scans.toArray(String[]::new), 2);
        given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient.subjectId(), "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201);
        patient.awaitCode("RED as a confirmed case", c -> c.getList("reasons.code").contains("CONFIRMED_CASE"), PATIENCE);
        contact.awaitCode("RED as a close contact", c -> c.getList("reasons.code").contains("CLOSE_CONTACT"), PATIENCE);

        // every poison on its dead-letter topic, with why; risk-recalculated's twice (code-issuer and
        // scan-checkpoint consume it); contact-identified's unreadable two twice (scan-checkpoint reads it too, for
        // visitors to send home), its impossible degree once (a local person's finding is nothing scan-checkpoint sends)
        int deadLettered = 0;
        for (String topic : Events.CONSUMED.keySet()) {
            String key = topic.equals("contact-identified") ? contact.subjectId() : patient.subjectId();
            int expected = switch (topic) {
                case "risk-recalculated" -> 6;
                case "contact-identified" -> 5;
                default -> 3;
            };
            List<ConsumerRecord<String, String>> letters = awaitDeadLetters(topic, before, key, expected);
            assertEquals(expected, letters.size(), topic + ": dead letters of the poison");
            for (ConsumerRecord<String, String> letter : letters) {
                assertEquals(topic, Events.header(letter, "dead-letter-topic"), "where it came from");
                String reason = Events.header(letter, "dead-letter-reason");
                assertTrue(reason != null && !reason.isBlank(), topic + ": a reason in the headers");
                assertFalse(letter.value().isEmpty());
            }
            deadLettered += letters.size();
        }
        System.out.printf("Poison: %d poison messages sent on %d topics, %d dead letters; every event behind them "
                + "applied%n", poisoned, Events.CONSUMED.size(), deadLettered);
    }

    @Test
    void poisonOnTheTopicsConsumedSinceIsDeadLetteredWithItsReasonAndTheEventsBehindItAreApplied() throws Exception {
        // the drill covers every topic a service consumes, as the services' configuration says
        Set<String> consumed = new TreeSet<>();
        ConsumedTopics.of(Path.of("../..").toAbsolutePath().normalize(), SERVICES)
                .forEach(channel -> consumed.add(channel.topic()));
        Set<String> drilled = new TreeSet<>(Events.CONSUMED.keySet());
        drilled.addAll(Events.CONSUMED_SINCE.keySet());
        assertEquals(consumed, drilled, "every consumed topic in the poison drill");

        Citizen patient = Citizen.registered();
        Citizen contact = Citizen.registered();
        Citizen traveller = Citizen.registered();
        for (Citizen citizen : List.of(patient, contact)) {
            citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        }
        // whose events each topic carries: a case from the authority's list, a contact found in Shanghai,
        // a train passenger from a manifest and the same person's printed code
        Map<String, String> keys = Map.of("case-reported", patient.subjectId(),
                "federation-contact-received", contact.subjectId(),
                "manifest-passenger-imported", traveller.subjectId(), "paper-code-issued", traveller.subjectId());
        Map<TopicPartition, Long> before;
        try (Admin kafka = Events.admin(platform)) {
            // fails when a dead-letter topic was not created (by the consumer's service at its start)
            before = Events.ends(kafka, Events.CONSUMED_SINCE.keySet().stream().map(t -> "dead-letter-topic-" + t).toList());
        }

        Instant now = platform.clock().instant();
        String venue = UUID.randomUUID().toString();
        String paper = String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        Map<String, Consumer<ObjectNode>> valid = Map.of(
                "case-reported", data -> data.put("status", "CONFIRMED")
                        .put("onsetDate", platform.today().minusDays(1).toString())
                        .put("reportedAt", now.toString()).put("importId", UUID.randomUUID().toString()),
                "federation-contact-received", data -> data.put("findingId", UUID.randomUUID().toString())
                        .put("overlapFrom", now.minus(Duration.ofHours(25)).toString())
                        .put("overlapTo", now.minus(Duration.ofHours(24)).toString())
                        .put("lastExposure", now.minus(Duration.ofHours(24)).toString())
                        .put("receivedAt", now.toString()),
                "manifest-passenger-imported", data -> data.put("venueId", venue)
                        .put("departure", now.minus(Duration.ofHours(30)).toString())
                        .put("arrival", now.minus(Duration.ofHours(26)).toString()),
                "paper-code-issued", data -> data.put("paperId", paper).put("issuedAt", now.toString())
                        .put("expiresAt", now.plus(Duration.ofDays(180)).toString()));

        // the poison, then a valid event under the same key (the same partition, behind it)
        for (String topic : Events.CONSUMED_SINCE.keySet()) {
            String key = keys.get(topic);
            Consumer<ObjectNode> itsOwn = data -> data.put("subjectId", key);
            KafkaTestClient.sendAll(topic, key, List.of("not json {", "{\"hello\":\"world\"}",
                    Events.sample(platform, topic, key, itsOwn.andThen(IMPOSSIBLE.get(topic))),
                    Events.sample(platform, topic, key, itsOwn.andThen(valid.get(topic)))));
        }

        // each valid event applied: the colours a user sees, the rows nobody sees but a scan or a trace reads
        patient.awaitCode("RED as a case of the authority's list",
                c -> c.getList("reasons.code").contains("CONFIRMED_CASE"), PATIENCE);
        contact.awaitCode("RED as a close contact found in another province",
                c -> c.getList("reasons.code").contains("CLOSE_CONTACT"), PATIENCE);
        awaitCount("the passenger's visit of the carriage", "select count(*) from contact_trace.visit where scan_id = any(?)",
                new String[] {"manifest:" + venue + ":" + traveller.subjectId()}, 1);
        awaitCount("the newest print", "select count(*) from scan_checkpoint.paper_code where paper_id = any(?)",
                new String[] {paper}, 1);

        // every poison on its dead-letter topic, with why: one consumer group reads each of these topics
        int deadLettered = 0;
        for (String topic : Events.CONSUMED_SINCE.keySet()) {
            List<ConsumerRecord<String, String>> letters = awaitDeadLetters(topic, before, keys.get(topic), 3);
            assertEquals(3, letters.size(), topic + ": dead letters of the poison");
            for (ConsumerRecord<String, String> letter : letters) {
                assertEquals(topic, Events.header(letter, "dead-letter-topic"), "where it came from");
                String reason = Events.header(letter, "dead-letter-reason");
                assertTrue(reason != null && !reason.isBlank(), topic + ": a reason in the headers");
                assertFalse(letter.value().isEmpty());
            }
            // the impossible event refused by the consumer's own check of its data, not as an unreadable envelope
            assertEquals(1, letters.stream().map(letter -> Events.header(letter, "dead-letter-reason"))
                    .filter(reason -> reason.startsWith(topic + " lacks")).count(),
                    () -> topic + ": reasons " + letters.stream().map(l -> Events.header(l, "dead-letter-reason")).toList());
            deadLettered += letters.size();
        }
        System.out.printf("Poison on the topics consumed since: %d poison messages on %d topics, %d dead letters; "
                + "the event behind each applied%n", 3 * Events.CONSUMED_SINCE.size(), Events.CONSUMED_SINCE.size(),
                deadLettered);
    }

    @Test
    void anEventTheDatabaseRefusedIsListedAndReDrivenOnceTheCauseIsFixed() throws Exception {
        Citizen citizen = Citizen.registered();
        Map<TopicPartition, Long> before;
        try (Admin kafka = Events.admin(platform)) {
            before = Events.ends(kafka, List.of("dead-letter-topic-declaration-submitted", "declaration-submitted"));
        }
        // the cause: risk-scoring's database refuses every new submission (as a bad migration or a full disk would)
        sql("alter table risk_scoring.submission add constraint refuse_all check (false) not valid");
        try {
            citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            assertEquals(1, awaitDeadLetters("declaration-submitted", before, citizen.subjectId(), 1).size());
        } finally {
            sql("alter table risk_scoring.submission drop constraint refuse_all");
        }
        given().auth().oauth2(citizen.token).get("/api/v1/me/code").then().statusCode(404)
                .body("error", equalTo("NO_COLOUR_YET"));

        // the admin sees it, where and why, without its content
        JsonPath listed = given().auth().oauth2(admin).get("/api/v1/admin/dead-letters").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> declarations = listed.getList("deadLetters.findAll { it.topic == "
                + "'declaration-submitted' && it.reason.startsWith('not applied') }");
        assertFalse(declarations.isEmpty(), "the refused declaration listed: " + listed.prettify());
        assertFalse(listed.prettify().contains(citizen.subjectId()), "no subject in the listing");
        for (String notAdmin : List.of(checkpoint, authority, citizen.token)) {
            given().auth().oauth2(notAdmin).get("/api/v1/admin/dead-letters").then().statusCode(403);
            given().auth().oauth2(notAdmin).post("/api/v1/admin/dead-letters/redrive").then().statusCode(403);
        }

        // cause fixed: re-driven, applied; a second re-drive publishes it no more
        JsonPath report = given().auth().oauth2(admin).queryParam("topic", "declaration-submitted")
                .post("/api/v1/admin/dead-letters/redrive").then().statusCode(200)
                .body("complete", equalTo(true)).extract().jsonPath();
        assertTrue(report.getInt("reports.find { it.service == 'risk-scoring' }.topics.'declaration-submitted'") >= 1,
                report.prettify());
        citizen.awaitCode("GREEN once re-driven", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        given().auth().oauth2(admin).queryParam("topic", "declaration-submitted")
                .post("/api/v1/admin/dead-letters/redrive").then().statusCode(200);
        List<ConsumerRecord<String, String>> published = Events.since(platform, "declaration-submitted", before).stream()
                .filter(r -> citizen.subjectId().equals(r.key())).toList();
        assertEquals(2, published.size(), "the declaration, and its re-drive once");
        assertTrue(Events.header(published.get(1), "healthcode-redriven-from").startsWith(
                "dead-letter-topic-declaration-submitted/"));
        assertEquals(published.get(0).value(), published.get(1).value(), "re-driven as it was");
        awaitCount("the re-drive in risk-scoring's audit trail", "select count(*) from risk_scoring.audit_entry "
                + "where action = 'DEAD_LETTERS_REDRIVEN' and object = any(?)", new String[] {"declaration-submitted"}, 2);
        given().auth().oauth2(admin).get("/api/v1/audit?actor=" + adminAccount).then().statusCode(200)
                .body("entries.action", org.hamcrest.Matchers.hasItem("DEAD_LETTERS_REDRIVEN"));
    }

    /** The dead letters of {@code topic} under {@code key} written after {@code before}, once there are {@code count}. */
    private static List<ConsumerRecord<String, String>> awaitDeadLetters(String topic, Map<TopicPartition, Long> before,
            String key, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        List<ConsumerRecord<String, String>> found;
        do {
            found = Events.since(platform, "dead-letter-topic-" + topic, before).stream()
                    .filter(r -> key.equals(r.key())).toList();
            if (found.size() >= count) {
                return found;
            }
            Processes.pause(Duration.ofMillis(500));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(topic + ": " + found.size() + " dead letters of " + count + " within 60 s");
    }

    private static void awaitCount(String what, String query, String[] values, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                PreparedStatement sql = db.prepareStatement(query)) {
            sql.setArray(1, db.createArrayOf("text", values));
            int found = 0;
            do {
                try (ResultSet rows = sql.executeQuery()) {
                    rows.next();
                    found = rows.getInt(1);
                }
                if (found >= count) {
                    return;
                }
                Processes.pause(Duration.ofMillis(500));
            } while (Instant.now().isBefore(deadline));
            throw new AssertionError(what + ": " + found + " of " + count);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }
}
