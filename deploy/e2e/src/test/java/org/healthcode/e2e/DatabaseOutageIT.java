package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 70 s under the running platform, then started again on the same port and
 * data: meanwhile every data service reports not ready, every call that needs the database is a
 * 503 in the platform's JSON error shape (never a 2xx for something not stored, never a 500, never
 * a hang), and an event arriving meanwhile waits rather than being dead-lettered, for longer than a
 * minute. When the database is back, everything recovers by itself, without restarting anything,
 * and the consumer that waited goes on reading its topic.
 */
@Order(2)
class DatabaseOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(70);
    private static final String PROVINCE = "330000";
    private static final List<String> DATA_SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How long a colour may take: these tests run right after a start, a crash or an outage, on a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static Platform platform;
    private final String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE);
    private final String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", PROVINCE);

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void whileTheDatabaseIsAwayCallersGet503AndEverythingRecoversByItself() throws Exception {
        Citizen present = Citizen.registered();
        Citizen exposed = Citizen.registered();
        for (Citizen citizen : List.of(present, exposed)) {
            citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        }
        String venue = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Outage mall", "type", "MALL", "regionCode", "330106", "address", "4 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        String token = present.code().getString("token");
        long declarationsBefore = declarationsOf(present);
        Map<TopicPartition, Long> deadLettersBefore;
        try (Admin kafka = Events.admin(platform)) {
            deadLettersBefore = Events.ends(kafka, Events.CONSUMED.keySet().stream()
                    .map(t -> "dead-letter-topic-" + t).toList());
        }
        Map<String, Long> pids = new HashMap<>();
        platform.processes().forEach(p -> pids.put(p.name() + ":" + p.port(), p.process().pid()));

        Instant stopped = Instant.now();
        platform.stopPostgres();
        try {
            for (String service : DATA_SERVICES) {
                awaitReadiness(service, 503, Duration.ofSeconds(30));
            }
            // an event arriving meanwhile: the authority's case, as contact-trace publishes it
            KafkaTestClient.send("case-confirmed", exposed.subjectId(), Events.sample(platform, "case-confirmed",
                    exposed.subjectId(), data -> data.put("caseId", UUID.randomUUID().toString())
                            .put("subjectId", exposed.subjectId()).put("status", "CONFIRMED")
                            .put("onsetDate", platform.today().minusDays(1).toString())
                            .put("confirmedAt", platform.clock().instant().toString())));

            // the traffic of the outage, round after round until it ends
            Citizen newcomer = new Citizen();
            Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
            calls.put("declaration", () -> given().auth().oauth2(present.token).contentType(ContentType.JSON)
                    .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of("FEVER"),
                            "temperature", 38.5)).post("/api/v1/me/declarations"));
            calls.put("check-in", () -> given().auth().oauth2(present.token).contentType(ContentType.JSON)
                    .body(Map.of("symptoms", List.of(), "temperature", 36.5)).post("/api/v1/me/checkins"));
            calls.put("registration", () -> given().auth().oauth2(newcomer.token).contentType(ContentType.JSON)
                    .body(Residents.registration(newcomer.name, newcomer.idNumber, newcomer.phone))
                    .post("/api/v1/me/registration"));
            calls.put("code", () -> given().auth().oauth2(present.token).get("/api/v1/me/code"));
            calls.put("scan", () -> given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                    .body(Map.of("token", token, "venueId", venue, "scanId", UUID.randomUUID().toString()))
                    .post("/api/v1/scans"));
            calls.put("case", () -> given().auth().oauth2(authority).contentType(ContentType.JSON)
                    .body(Map.of("subjectId", present.subjectId(), "status", "SUSPECTED")).post("/api/v1/cases"));
            calls.put("region risk", () -> given().auth().oauth2(authority).contentType(ContentType.JSON)
                    .body(Map.of("level", "MEDIUM")).put("/api/v1/regions/330106/risk"));
            List<String> wrong = new ArrayList<>();
            int answered = 0;
            while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
                for (Map.Entry<String, Supplier<Response>> call : calls.entrySet()) {
                    Response answer = call.getValue().get();
                    answered++;
                    if (answer.statusCode() != 503 || !answer.contentType().startsWith("application/json")
                            || answer.jsonPath().getString("error") == null) {
                        wrong.add(call.getKey() + ": " + answer.statusCode() + " " + answer.asString());
                    }
                }
                Processes.pause(Duration.ofSeconds(1));
            }
            assertEquals(List.of(), wrong, "answers other than a 503 with the JSON error while the database was away");
            assertTrue(answered >= calls.size() * 5, "calls made during the outage: " + answered);
            System.out.printf("Database outage: %d calls in %d s, every one 503%n", answered,
                    Duration.between(stopped, Instant.now()).toSeconds());

            // back: ready again by itself; the event that came meanwhile applied; nothing refused was stored
            platform.startPostgres();
            Instant back = Instant.now();
            for (String service : DATA_SERVICES) {
                awaitReadiness(service, 200, Duration.ofSeconds(60));
            }
            Duration ready = Duration.between(back, Instant.now());
            exposed.awaitCode("RED by the case that came during the outage",
                    c -> c.getList("reasons.code").contains("CONFIRMED_CASE"), PATIENCE);
            Duration applied = Duration.between(back, Instant.now());
            assertEquals(declarationsBefore, declarationsOf(present), "no declaration stored behind a 503");
            given().auth().oauth2(newcomer.token).get("/api/v1/me").then().statusCode(404)
                    .body("error", equalTo("NOT_REGISTERED"));
            present.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            assertEquals(declarationsBefore + 1, declarationsOf(present));
            given().auth().oauth2(newcomer.token).contentType(ContentType.JSON)
                    .body(Residents.registration(newcomer.name, newcomer.idNumber, newcomer.phone))
                    .post("/api/v1/me/registration").then().statusCode(201);
            CitizenJourneyIT.await("ALLOW at the checkpoint again", () -> given().auth().oauth2(checkpoint)
                    .contentType(ContentType.JSON).body(Map.of("token", present.code().getString("token"),
                            "venueId", venue, "scanId", UUID.randomUUID().toString())).post("/api/v1/scans"),
                    scan -> "ALLOW".equals(scan.getString("decision")), PATIENCE);

            // the consumer that held the outage's event for over a minute still reads its topic
            Citizen later = Citizen.registered();
            later.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            later.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
            KafkaTestClient.send("case-confirmed", later.subjectId(), Events.sample(platform, "case-confirmed",
                    later.subjectId(), data -> data.put("caseId", UUID.randomUUID().toString())
                            .put("subjectId", later.subjectId()).put("status", "CONFIRMED")
                            .put("onsetDate", platform.today().minusDays(1).toString())
                            .put("confirmedAt", platform.clock().instant().toString())));
            later.awaitCode("RED by a case that came after the outage",
                    c -> c.getList("reasons.code").contains("CONFIRMED_CASE"), PATIENCE);

            try (Admin kafka = Events.admin(platform)) {
                assertEquals(deadLettersBefore, Events.ends(kafka, new ArrayList<>(Events.CONSUMED.keySet().stream()
                        .map(t -> "dead-letter-topic-" + t).toList())), "nothing dead-lettered for the outage");
            }
            for (ServiceProcess process : platform.processes()) {
                assertTrue(process.process().isAlive(), process.name() + " alive");
                assertEquals(pids.get(process.name() + ":" + process.port()), process.process().pid(),
                        process.name() + " not restarted");
            }
            System.out.printf("Database outage: ready again %d ms after the database, the case of the outage "
                    + "applied %d ms after it; nothing dead-lettered, no process restarted%n", ready.toMillis(),
                    applied.toMillis());
        } finally {
            if (!postgresUp()) {
                platform.startPostgres();
            }
        }
    }

    private static long declarationsOf(Citizen citizen) throws Exception {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                PreparedStatement sql = db.prepareStatement(
                        "select count(*) from declaration.declaration where subject_id = ?")) {
            sql.setString(1, citizen.subjectId());
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static boolean postgresUp() {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "")) {
            return db.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitReadiness(String service, int status, Duration within) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(platform.serviceUrl(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(within);
        int last = 0;
        while (Instant.now().isBefore(deadline)) {
            last = HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (last == status) {
                return;
            }
            Processes.pause(Duration.ofMillis(250));
        }
        throw new AssertionError(service + " readiness " + last + ", not " + status + " within " + within);
    }
}
