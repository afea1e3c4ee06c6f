package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scale-out, shown on processes: two instances of every service and of the gateway, the tracing
 * journey and a stream of scans through both gateways, one instance of each killed (SIGKILL) in the
 * middle of it. Then, read from PostgreSQL and the topics: every scan a gateway admitted is in the
 * visit index once, every contact was found and recoloured once, no event was published twice but
 * what a killed relay had sent before it died, and, with both instances of each alive again, the
 * scheduled work ran once per schedule: the retention purge once per period in each service, and a
 * new rule version applied once to each person.
 *
 * <p>Runs first, on a Kafka and PostgreSQL of its own, and stops everything before the other
 * end-to-end tests start the shared platform.
 */
@Order(0)
class ScaleOutIT {

    private static final int INSTANCES = 2;
    /** The retention purge's schedule here (an hour in production), so that it runs many times. */
    private static final Duration PURGE_EVERY = Duration.ofSeconds(5);
    /** How long the platform may take to recover from a crash: a lease (30 s), a consumer group's session (10 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String PROVINCE = "330000";
    private static final List<String> BACK_ENDS = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service");
    private static final Map<String, String> PRODUCERS = Map.of("declaration-submitted", "declaration-service",
            "scan-recorded", "scan-checkpoint-service", "case-confirmed", "contact-trace-service",
            "contact-identified", "contact-trace-service", "risk-recalculated", "risk-scoring-service");
    private static final List<String> SCHEMAS = List.of("declaration", "risk_scoring", "code_issuer", "scan_checkpoint",
            "contact_trace");

    private static Platform platform;
    private final String checkpoint = staff("checkpoint");
    private final String authority = staff("authority");

    @BeforeAll
    static void startPlatform() {
        // twelve JVMs on two cores shared with other builds: an event loop was seen blocked for 7 s
        // loading classes, past the 10 s a service call may take
        platform = Platform.withInstances(INSTANCES, Map.of("HEALTHCODE_RETENTION_CHECK_EVERY",
                PURGE_EVERY.toSeconds() + "s", "QUARKUS_REST_CLIENT_READ_TIMEOUT", "60000"));
        // the gateway that stays up; a load balancer in front of the gateways would do this choosing
        RestAssured.baseURI = platform.gatewayUrls().get(0);
        RestAssured.port = -1;
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void losingOneInstanceOfEachServiceLosesNothingAndDoesNothingTwice() throws Exception {
        List<Citizen> crowd = IntStream.range(0, 6).mapToObj(i -> goldCitizen()).toList();
        List<String> stalls = IntStream.range(0, 4).mapToObj(i -> venue("Stall " + i, "MARKET")).toList();
        ScanStream stream = new ScanStream(platform.gatewayUrls(), crowd, stalls);
        stream.start(3);

        // the tracing journey, as TracingJourneyIT, while the scans flow
        LocalDate day = platform.today().plusDays(1);
        platform.advance(Duration.between(platform.clock().instant(), Platform.startOf(day).plusSeconds(9 * 3600)));
        String mall = venue("Wulin Mall", "MALL");
        String park = venue("West Lake Park", "PARK");
        Citizen patient = green();
        Citizen close = green();
        Citizen later = green();
        Citizen secondDegree = green();
        admitted(patient, mall);
        platform.advance(Duration.ofMinutes(10));
        admitted(close, mall);
        platform.advance(Duration.ofHours(3));
        admitted(later, mall);
        platform.advance(Duration.ofHours(1));
        admitted(close, park);
        platform.advance(Duration.ofMinutes(5));
        admitted(secondDegree, park);
        platform.advance(Duration.ofHours(1));

        // the gateways spread their calls: every instance of the services called so far served some
        for (String module : List.of("declaration-service", "code-issuer-service", "scan-checkpoint-service")) {
            for (ServiceProcess instance : platform.instances(module)) {
                assertTrue(callsServed(instance) > 0, module + " on port " + instance.port() + " served no call");
            }
        }

        // one instance of each killed, one after another, the scans going on through the others
        Map<String, Instant> killedAt = new HashMap<>();
        List<ServiceProcess> killed = new ArrayList<>();
        for (String module : BACK_ENDS) {
            stream.awaitAnswered(stream.answered() + 15, "before " + module + " lost an instance");
            ServiceProcess victim = platform.instances(module).get(0);
            platform.kill(victim);
            killed.add(victim);
            killedAt.put(module, Instant.now());
        }
        stream.awaitAnswered(stream.answered() + 15, "before a gateway was lost");
        ServiceProcess gateway = platform.instances("gateway").get(1);
        platform.kill(gateway);
        killed.add(gateway);
        stream.awaitAnswered(stream.answered() + 30, "after one instance of each was killed");

        // the case, decided and traced by the survivors
        confirmCase(patient);
        awaitCode(patient, "RED as a confirmed case", c -> c.getList("reasons.code").contains("CONFIRMED_CASE"));
        awaitCode(close, "RED as a close contact", c -> c.getList("reasons.code").equals(List.of("CLOSE_CONTACT")));
        awaitCode(secondDegree, "YELLOW as a degree-2 contact",
                c -> c.getList("reasons.code").equals(List.of("SECONDARY_CONTACT")));
        assertEquals("GREEN", later.code().getString("colour"), "three hours later is outside every window");
        stream.awaitAnswered(stream.answered() + 15, "after the case");
        stream.stop();

        // every scan a gateway admitted is in the visit index, once
        Set<String> admitted = stream.admitted();
        Map<String, Integer> visits = awaitVisits(admitted);
        assertEquals(admitted, visits.keySet(), "every admitted scan in the visit index");
        visits.forEach((scanId, count) -> assertEquals(1, count, "visits of one scan"));

        // both instances of each again; then the scheduled work, which each of them runs
        killed.forEach(platform::restart);
        Instant restarted = platform.clock().instant();
        int version = publishRuleVersionWithThreeDosesForGold();
        platform.advance(Duration.ofHours(26));
        Set<String> crowdSubjects = crowd.stream().map(Citizen::subjectId).collect(Collectors.toSet());
        awaitRows("every gold resident re-evaluated under version " + version, "select count(*) from "
                + "risk_scoring.risk_state where subject_id = any(?) and rule_set_version = " + version
                + " and not gold", crowdSubjects, crowd.size());
        awaitRows("three purges in each service with both instances alive", "select min(n) from (select "
                + String.join(" union all select ", SCHEMAS.stream().map(schema -> "(select count(*) from " + schema
                + ".audit_entry where actor = 'retention-job' and at > ?) as n").toList()) + ") purges",
                restarted, 3);

        Map<String, List<ConsumerRecord<String, String>>> events = new LinkedHashMap<>();
        for (String topic : PRODUCERS.keySet()) {
            events.put(topic, readAll(topic));
        }
        assertPublishedOnce(events, killedAt);
        assertRecolouredOnce(events, close, secondDegree, later);
        assertRuleVersionAppliedOnce(events, version, crowdSubjects);
        assertPurgedOncePerPeriod();
        System.out.printf("Scale-out: %d scans admitted (%d calls failed while instances died), %d events%n",
                admitted.size(), stream.failed(), events.values().stream().mapToInt(List::size).sum());
    }

    /**
     * No event id twice on any topic. A relay killed between Kafka's acknowledgement and its delete
     * leaves the rows leased; another instance sends them again once the lease ends (at least once,
     * by design: consumers apply an event id once). Only such copies are let through: the first
     * sent before that producer's instance was killed, the second after.
     */
    private static void assertPublishedOnce(Map<String, List<ConsumerRecord<String, String>>> events,
            Map<String, Instant> killedAt) {
        List<String> twice = new ArrayList<>();
        int resentAfterCrash = 0;
        for (Map.Entry<String, List<ConsumerRecord<String, String>>> topic : events.entrySet()) {
            Instant crash = killedAt.get(PRODUCERS.get(topic.getKey()));
            Map<String, List<ConsumerRecord<String, String>>> byId = topic.getValue().stream()
                    .collect(Collectors.groupingBy(r -> JsonPath.from(r.value()).getString("id")));
            for (Map.Entry<String, List<ConsumerRecord<String, String>>> copies : byId.entrySet()) {
                if (copies.getValue().size() == 1) {
                    continue;
                }
                long first = copies.getValue().stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
                long last = copies.getValue().stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
                if (copies.getValue().size() == 2 && first <= crash.toEpochMilli() && last > crash.toEpochMilli()) {
                    resentAfterCrash++;
                } else {
                    twice.add(topic.getKey() + " " + copies.getKey() + " x" + copies.getValue().size());
                }
            }
        }
        assertEquals(List.of(), twice, "events published more than once");
        System.out.printf("Scale-out: %d events sent again after their relay was killed%n", resentAfterCrash);
    }

    /** One contact-identified per contact, one new colour each; no colour change published twice. */
    private static void assertRecolouredOnce(Map<String, List<ConsumerRecord<String, String>>> events, Citizen close,
            Citizen secondDegree, Citizen later) {
        Map<String, Long> found = events.get("contact-identified").stream()
                .collect(Collectors.groupingBy(r -> JsonPath.from(r.value()).getString("data.contactSubjectId"),
                        Collectors.counting()));
        assertEquals(Map.of(close.subjectId(), 1L, secondDegree.subjectId(), 1L), found, "contacts found, once each");
        List<ConsumerRecord<String, String>> colours = events.get("risk-recalculated");
        assertEquals(1, changes(colours, close.subjectId(), "RED"), "the close contact turned red once");
        assertEquals(1, changes(colours, secondDegree.subjectId(), "YELLOW"), "the degree-2 contact turned yellow once");
        assertEquals(0, changes(colours, later.subjectId(), "RED") + changes(colours, later.subjectId(), "YELLOW"));

        // a state applied twice (two instances re-evaluating one person at once) is the same news twice
        Map<String, Long> sameNews = colours.stream().collect(Collectors.groupingBy(r -> {
            Map<String, Object> data = new TreeMap<>(JsonPath.from(r.value()).getMap("data"));
            data.keySet().removeAll(Set.of("evaluatedAt", "causeEventId"));
            return data.toString();
        }, Collectors.counting()));
        sameNews.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), sameNews, "colour changes published twice");
    }

    private static long changes(List<ConsumerRecord<String, String>> colours, String subject, String colour) {
        return colours.stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> subject.equals(e.getString("data.subjectId")) && colour.equals(e.getString("data.colour"))
                        && !colour.equals(e.getString("data.previousColour")))
                .count();
    }

    /** The review that applies a new rule version ran once per person, though both risk-scoring instances review. */
    private static void assertRuleVersionAppliedOnce(Map<String, List<ConsumerRecord<String, String>>> events,
            int version, Set<String> crowd) throws SQLException {
        Map<String, Long> published = events.get("risk-recalculated").stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> e.getInt("data.ruleSetVersion") == version)
                .collect(Collectors.groupingBy(e -> e.getString("data.subjectId"), Collectors.counting()));
        assertTrue(published.keySet().containsAll(crowd), "every gold resident re-evaluated: " + published.keySet());
        published.forEach((subject, count) -> assertEquals(1L, count, "changes under version " + version + " of one person"));
        Map<String, Long> audited = new HashMap<>();
        try (Connection db = superuser(); PreparedStatement sql = db.prepareStatement("select subject_id, count(*) from "
                + "risk_scoring.audit_entry where actor = ? and action = 'COLOUR_CHANGED' group by subject_id")) {
            sql.setString(1, "rule-set-v" + version);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    audited.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        assertEquals(published, audited, "each change under the new version audited once");
    }

    /** In every service, at most one scheduled purge per period of the schedule, though every instance runs it. */
    private static void assertPurgedOncePerPeriod() throws SQLException {
        try (Connection db = superuser()) {
            for (String schema : SCHEMAS) {
                Map<Long, Integer> perPeriod = new TreeMap<>();
                try (PreparedStatement sql = db.prepareStatement("select at from " + schema + ".audit_entry where "
                        + "actor = 'retention-job' and action = 'PERSONAL_DATA_PURGED'"); ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        long at = rows.getTimestamp(1).toInstant().toEpochMilli();
                        perPeriod.merge(Math.floorDiv(at, PURGE_EVERY.toMillis()), 1, Integer::sum);
                    }
                }
                assertTrue(perPeriod.size() >= 10, schema + ": purged in " + perPeriod.size() + " periods");
                perPeriod.values().removeIf(count -> count == 1);
                assertEquals(Map.of(), perPeriod, schema + ": periods purged more than once");
            }
        }
    }

    private int publishRuleVersionWithThreeDosesForGold() {
        Map<String, Object> definition = new HashMap<>(given().auth().oauth2(authority).get("/api/v1/rule-sets").then()
                .statusCode(200).extract().jsonPath().getMap("find { it.status == 'ACTIVE' }.definition"));
        definition.put("fullVaccinationDoses", 3);
        return given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("definition", definition,
                        "effectiveFrom", platform.clock().instant().plus(Duration.ofHours(25)).toString()))
                .post("/api/v1/rule-sets").then().statusCode(201).extract().path("version");
    }

    /** Waits until the visit index holds every one of these scans; answers the visits per scan found. */
    private static Map<String, Integer> awaitVisits(Set<String> scanIds) throws SQLException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Integer> visits = new HashMap<>();
        try (Connection db = superuser(); PreparedStatement sql = db.prepareStatement(
                "select scan_id, count(*) from contact_trace.visit where scan_id = any(?) group by scan_id")) {
            sql.setArray(1, db.createArrayOf("text", scanIds.toArray()));
            do {
                visits.clear();
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        visits.put(rows.getString(1), rows.getInt(2));
                    }
                }
                if (visits.size() == scanIds.size()) {
                    break;
                }
                Processes.pause(Duration.ofSeconds(1));
            } while (Instant.now().isBefore(deadline));
        }
        return visits;
    }

    /** Waits until the query, given {@code parameter}, counts at least {@code expected}. */
    private static void awaitRows(String what, String query, Object parameter, long expected) throws SQLException {
        Instant deadline = Instant.now().plus(PATIENCE);
        long count = 0;
        try (Connection db = superuser(); PreparedStatement sql = db.prepareStatement(query)) {
            int marks = (int) query.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= marks; i++) {
                if (parameter instanceof Set<?> set) {
                    sql.setArray(i, db.createArrayOf("text", set.toArray()));
                } else {
                    sql.setTimestamp(i, java.sql.Timestamp.from((Instant) parameter));
                }
            }
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = sql.executeQuery()) {
                    rows.next();
                    count = rows.getLong(1);
                }
                if (count >= expected) {
                    return;
                }
                Processes.pause(Duration.ofSeconds(1));
            }
        }
        throw new AssertionError("not " + what + " within " + PATIENCE.toSeconds() + " s: " + count + " of " + expected);
    }

    /** Every record of a topic, from the first to the end as it is now. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        return Events.readAll(platform.bootstrapServers(), topic);
    }

    /** The calls to an instance's API so far, from its Prometheus metrics. */
    private static double callsServed(ServiceProcess instance) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(instance.baseUrl()
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("uri=\"/v1/"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
    }

    private static JsonPath await(String what, Supplier<io.restassured.response.Response> call, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            io.restassured.response.Response response = call.get();
            last = response.statusCode() + " " + response.asString();
            if (response.statusCode() == 200 && done.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Processes.pause(Duration.ofMillis(300));
        }
        throw new AssertionError("not " + what + " within " + PATIENCE.toSeconds() + " s; last answer: " + last);
    }

    /**
     * The authority's decision, asked again after a 503 as any client would. The gateway repeats a
     * call only when it could not connect; a kept-alive connection to the instance just killed can
     * still be picked, and the call on it fails after it was sent (the instance may have acted on
     * it), which the gateway answers 503. Deciding CONFIRMED again changes nothing (UNCHANGED, no
     * second case-confirmed), so asking again is harmless.
     */
    private void confirmCase(Citizen patient) {
        Instant deadline = Instant.now().plus(PATIENCE);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            io.restassured.response.Response response = given().auth().oauth2(authority).contentType(ContentType.JSON)
                    .body(Map.of("documentType", "RESIDENT_ID", "documentNumber", patient.idNumber,
                            "status", "CONFIRMED"))
                    .post("/api/v1/cases");
            if (response.statusCode() == 201) {
                return;
            }
            last = response.statusCode() + " " + response.asString();
            assertEquals(503, response.statusCode(), "only an unavailable service is asked again; " + last);
            System.out.println("Scale-out: the case decision answered " + last + "; asking again");
            Processes.pause(Duration.ofMillis(300));
        }
        throw new AssertionError("no case decided within " + PATIENCE.toSeconds() + " s; last answer: " + last);
    }

    private static void awaitCode(Citizen citizen, String what, Predicate<JsonPath> done) {
        await(what, () -> given().auth().oauth2(citizen.token).get("/api/v1/me/code"), done);
    }

    /** Scans a green citizen in; until the checkpoint has their colour the answer is DENY NO_COLOUR. */
    private void admitted(Citizen citizen, String venue) {
        await("ALLOW at the checkpoint", () -> given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("token", citizen.code().getString("token"), "venueId", venue,
                        "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans"), scan -> "ALLOW".equals(scan.getString("decision")));
    }

    private String venue(String name, String type) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", type, "regionCode", "330106", "address", "1 Demo Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
    }

    private static Citizen green() {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        awaitCode(citizen, "GREEN", c -> "GREEN".equals(c.getString("colour")));
        return citizen;
    }

    private static Citizen goldCitizen() {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5,
                "vaccination", Map.of("doses", 2, "lastDose", platform.today().minusDays(90).toString())));
        awaitCode(citizen, "GREEN and gold", c -> c.getBoolean("gold"));
        return citizen;
    }

    private static String staff(String role) {
        return TestTokens.staff(role + "-" + UUID.randomUUID(), role, PROVINCE);
    }

    /**
     * Checkpoints scanning the crowd's fresh codes at the stalls, over every gateway in turn; a
     * gateway that refuses connections is left out, as a load balancer in front of them would.
     */
    private static final class ScanStream {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final List<String> gateways;
        private final Set<String> down = ConcurrentHashMap.newKeySet();
        private final List<Citizen> crowd;
        private final List<String> venues;
        private final Set<String> admitted = ConcurrentHashMap.newKeySet();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger turn = new AtomicInteger();
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private volatile boolean running = true;

        ScanStream(List<String> gateways, List<Citizen> crowd, List<String> venues) {
            this.gateways = gateways;
            this.crowd = crowd;
            this.venues = venues;
        }

        void start(int checkpoints) {
            for (int i = 0; i < checkpoints; i++) {
                String checkpoint = staff("checkpoint");
                threads.submit(() -> scanWhileRunning(checkpoint));
            }
        }

        private void scanWhileRunning(String checkpoint) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running) {
                Citizen citizen = crowd.get(random.nextInt(crowd.size()));
                String scanId = UUID.randomUUID().toString();
                try {
                    HttpResponse<String> code = call(null, "/api/v1/me/code", citizen.token);
                    if (code.statusCode() != 200) {
                        failed.incrementAndGet();
                        continue;
                    }
                    String body = "{\"token\":\"" + JsonPath.from(code.body()).getString("token") + "\",\"venueId\":\""
                            + venues.get(random.nextInt(venues.size())) + "\",\"scanId\":\"" + scanId + "\"}";
                    HttpResponse<String> scan = call(body, "/api/v1/scans", checkpoint);
                    if (scan.statusCode() / 100 == 2) {
                        if ("ALLOW".equals(JsonPath.from(scan.body()).getString("decision"))) {
                            admitted.add(scanId);
                        }
                        answered.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** A GET, or a POST of this JSON body, to the next gateway that is up. */
        private HttpResponse<String> call(String json, String path, String token) throws IOException, InterruptedException {
            for (int attempt = 0; ; attempt++) {
                List<String> up = gateways.stream().filter(g -> !down.contains(g)).toList();
                String gateway = up.get(Math.floorMod(turn.getAndIncrement(), up.size()));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
                if (json != null) {
                    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
                }
                try {
                    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException refused) {
                    if (attempt == gateways.size()) {
                        throw refused;
                    }
                    down.add(gateway);
                }
            }
        }

        int answered() {
            return answered.get();
        }

        int failed() {
            return failed.get();
        }

        Set<String> admitted() {
            return Set.copyOf(admitted);
        }

        /** Waits until the gateways have answered this many scans; failing if they stop answering. */
        void awaitAnswered(int target, String when) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (answered.get() < target) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("scans stopped being answered " + when + ": " + answered.get() + " of "
                            + target + ", " + failed.get() + " failed");
                }
                Processes.pause(Duration.ofMillis(100));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), "the scanning stopped");
        }
    }
}
