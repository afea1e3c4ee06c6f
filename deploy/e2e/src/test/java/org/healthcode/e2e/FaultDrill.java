package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Postgres;
import org.healthcode.infra.Processes;
import org.healthcode.infra.testing.TestTokens;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * What the fault-injection tests share: a platform of their own (one instance of each service, on a
 * Kafka and PostgreSQL that only they use, so that a killed broker harms no other test, and every
 * record on the topics and row in the tables is theirs: what they check holds for all of it), traffic through the gateway while a fault happens, and reading
 * back from PostgreSQL and the topics what was kept.
 */
final class FaultDrill {

    /** How long the platform may take to recover: a broker's restart, a lease (30 s), a consumer group's session. */
    static final Duration PATIENCE = Duration.ofSeconds(180);
    static final String PROVINCE = "330000";
    static final List<String> DATA_SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service");
    static final List<String> TOPICS = List.of("declaration-submitted", "scan-recorded", "case-confirmed",
            "contact-identified", "risk-recalculated");

    /** The topics each producer's relay sends to. */
    private static final Map<String, Set<String>> PRODUCED = Map.of("declaration-service", Set.of("declaration-submitted"),
            "scan-checkpoint-service", Set.of("scan-recorded"),
            "contact-trace-service", Set.of("case-confirmed", "contact-identified"),
            "risk-scoring-service", Set.of("risk-recalculated"));

    final Platform platform;
    private final List<Crash> crashes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The same checkpoint and authority staff throughout; each call gets a fresh token (a token lives 10 minutes). */
    private final String checkpointAccount = "checkpoint-" + UUID.randomUUID();
    private final String authorityAccount = "authority-" + UUID.randomUUID();

    private static FaultDrill running;

    private FaultDrill(Platform platform) {
        this.platform = platform;
    }

    /**
     * The fault suite's platform, started by the first fault class that runs and stopped when the
     * test JVM exits: one start instead of one per class (the faults leave it whole: every test
     * starts again what it killed).
     */
    static synchronized FaultDrill get() {
        if (running == null) {
            // the traffic is many callers with their own tokens; the per-caller limit is not what is tried here
            Platform platform = Platform.withInstances(1, Map.of("GATEWAY_RATE_LIMIT_PER_SECOND", "100000",
                    "GATEWAY_RATE_LIMIT_BURST", "100000"));
            running = new FaultDrill(platform);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "fault-platform-stop"));
        }
        RestAssured.baseURI = running.platform.gatewayUrl();
        RestAssured.port = -1;
        return running;
    }

    static String staff(String role) {
        return TestTokens.staff(role + "-" + UUID.randomUUID(), role, PROVINCE);
    }

    /**
     * A fresh token of the citizen's account: a test token lives 10 minutes, and on a loaded machine
     * a fault test outlives the token its resident was registered with.
     */
    static String tokenOf(Citizen citizen) {
        return TestTokens.citizen(citizen.account);
    }

    /** A pseudonym no one registered: a case or a visit may name one, and colours it once they register. */
    static String pseudonym() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- people, venues, cases, through the gateway

    Citizen green() {
        Citizen citizen = beforeTheFault(Citizen::registered);
        beforeTheFault(() -> {
            citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
            return citizen;
        });
        awaitCode(citizen, "GREEN", c -> "GREEN".equals(c.getString("colour")));
        return citizen;
    }

    String venue(String name, String type) {
        return beforeTheFault(() -> given().auth().oauth2(TestTokens.staff(checkpointAccount, "checkpoint", PROVINCE)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", type, "regionCode", "330106", "address", "1 Demo Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id"));
    }

    /**
     * A call that sets the scene, made again (as a client would) while the gateway answers 503: the
     * services' first calls after their start, on two cores shared with other builds, were seen to
     * take longer than the gateway waits (10 s). A new resident or venue each time; a declaration
     * accepted twice changes nothing.
     */
    private static <T> T beforeTheFault(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AssertionError e) {
                if (attempt == 5 || e.getMessage() == null || !e.getMessage().contains("but was <503>")) {
                    throw e;
                }
                Processes.pause(Duration.ofSeconds(2));
            }
        }
    }

    /** Confirms a case by pseudonym as an authority; answers the gateway's answer. */
    io.restassured.response.Response confirm(String subjectId) {
        return given().auth().oauth2(TestTokens.staff(authorityAccount, "authority", PROVINCE)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subjectId, "status", "CONFIRMED")).post("/api/v1/cases");
    }

    /**
     * A case's visit and {@code contacts} others' within 25 minutes of it, at one mall, two hours ago,
     * written straight into the visit index (COPY, as the benchmarks load it): the people a case
     * confirmed now finds as close contacts. Answers the contacts' pseudonyms.
     */
    Set<String> seedCloseContacts(String patient, int contacts) throws SQLException, IOException {
        String venue = UUID.randomUUID().toString();
        Instant caseAt = platform.clock().instant().minus(Duration.ofHours(2));
        Set<String> found = new HashSet<>();
        StringBuilder rows = new StringBuilder();
        visitRow(rows, caseAt, venue, patient);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (found.size() < contacts) {
            String contact = pseudonym();
            found.add(contact);
            visitRow(rows, caseAt.plusSeconds(random.nextInt(-25 * 60, 25 * 60 + 1)), venue, contact);
        }
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl() + "?currentSchema=contact_trace",
                Postgres.USER, "")) {
            CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY visit (at, venue_id, subject_id, venue_type, scan_id) FROM STDIN");
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
        return found;
    }

    private static void visitRow(StringBuilder rows, Instant at, String venue, String subject) {
        rows.append(at).append('\t').append(venue).append('\t').append(subject).append("\tMALL\tseeded-")
                .append(UUID.randomUUID()).append('\n');
    }

    JsonPath awaitCode(Citizen citizen, String what, Predicate<JsonPath> done) {
        return await(what, () -> given().auth().oauth2(tokenOf(citizen)).get("/api/v1/me/code"), done);
    }

    static JsonPath await(String what, Supplier<io.restassured.response.Response> call, Predicate<JsonPath> done) {
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

    // ---- readiness

    /** Each service's readiness now: 200 is UP, 503 DOWN (0: no answer within 10 s). */
    Map<String, Integer> readiness() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Integer> status = new TreeMap<>();
        for (String module : DATA_SERVICES) {
            try {
                status.put(module, http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(module)
                        + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException e) {
                status.put(module, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return status;
    }

    /** Waits until every data service's readiness answers {@code status}. */
    void awaitReadiness(int status) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Integer> now = readiness();
        while (now.values().stream().anyMatch(s -> s != status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("readiness not " + status + " everywhere: " + now);
            }
            Processes.pause(Duration.ofMillis(500));
            now = readiness();
        }
    }

    /** Kills a service's (only) instance with SIGKILL, as a crash would; {@link #restart} starts it again. */
    void crash(String module) {
        crashes.add(new Crash(Instant.now(), PRODUCED.getOrDefault(module, Set.of())));
        platform.kill(platform.instances(module).get(0));
    }

    /**
     * Kills the broker with SIGKILL. Every relay may then have a batch Kafka wrote but could not
     * acknowledge; it is sent again once the broker is back, so the kill counts as a crash of every
     * relay for {@link #copies()}. {@link #restartBroker} starts it again.
     */
    void killBroker() {
        crashes.add(new Crash(Instant.now(), Set.copyOf(TOPICS)));
        platform.killKafka();
    }

    /** Starts the killed broker again on its port and log directories. */
    void restartBroker() {
        platform.restartKafka();
    }

    /** Starts a killed service again in its place, as an orchestrator would; answers once it is ready. */
    void restart(String module) {
        platform.restart(platform.instances(module).get(0));
    }

    void crashAndRestart(String module) {
        crash(module);
        restart(module);
    }

    // ---- PostgreSQL

    Connection db() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), Postgres.USER, "");
    }

    /** The first column of every row, counted: e.g. a visit's scan_id, a contact per colour change. */
    Map<String, Integer> countBy(String query, Object... parameters) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = db(); PreparedStatement sql = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Collection<?> values) {
                    sql.setArray(i + 1, db.createArrayOf("text", values.toArray()));
                } else {
                    sql.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getString(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Waits until {@link #countBy} finds every one of {@code expected}; answers the counts then. */
    Map<String, Integer> awaitAll(String what, Set<String> expected, String query, Object... parameters)
            throws SQLException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Integer> counts = countBy(query, parameters);
        while (!counts.keySet().containsAll(expected)) {
            if (Instant.now().isAfter(deadline)) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(counts.keySet());
                throw new AssertionError(what + ": " + missing.size() + " of " + expected.size() + " missing after "
                        + PATIENCE.toSeconds() + " s");
            }
            Processes.pause(Duration.ofMillis(500));
            counts = countBy(query, parameters);
        }
        return counts;
    }

    /** Those of {@code counts} above one (what was done twice). */
    static Map<String, Integer> twice(Map<String, Integer> counts) {
        Map<String, Integer> twice = new TreeMap<>(counts);
        twice.values().removeIf(count -> count == 1);
        return twice;
    }

    // ---- Kafka

    /** Every record of a topic, from the first to the end as it is now. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        return Events.readAll(platform.bootstrapServers(), topic);
    }

    /**
     * The events of a topic by a field of the event ({@code data.scanId}, {@code data.subjectId}...):
     * how many different events (event ids) carry each value. Copies of one event id are
     * {@link #copies()}'s business.
     */
    Map<String, Integer> eventsBy(String topic, String field) {
        return eventsBy(topic, field, e -> true);
    }

    Map<String, Integer> eventsBy(String topic, String field, Predicate<JsonPath> which) {
        Map<String, Set<String>> ids = new HashMap<>();
        readAll(topic).stream().map(r -> JsonPath.from(r.value())).filter(which)
                .forEach(e -> ids.computeIfAbsent(e.getString(field), v -> new HashSet<>()).add(e.getString("id")));
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach((value, events) -> counts.put(value, events.size()));
        return counts;
    }

    /**
     * Waits until the events of {@code topic} that {@code which} accepts carry every one of
     * {@code expected} in {@code field}, and answers how many events carry each of them. A change is
     * published a moment after it commits, and a batch a killed relay had leased only once its lease
     * (30 s) ends: the consumers being caught up says nothing about what is still in an outbox.
     */
    Map<String, Integer> awaitPublished(String topic, String field, Predicate<JsonPath> which, Set<String> expected) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Integer> published = eventsBy(topic, field, which);
        while (!published.keySet().containsAll(expected)) {
            if (Instant.now().isAfter(deadline)) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(published.keySet());
                throw new AssertionError(topic + ": " + missing.size() + " of " + expected.size()
                        + " committed changes not published within " + PATIENCE.toSeconds() + " s");
            }
            Processes.pause(Duration.ofSeconds(1));
            published = eventsBy(topic, field, which);
        }
        published.keySet().retainAll(expected);
        return published;
    }

    Map<String, Integer> awaitPublished(String topic, String field, Set<String> expected) {
        return awaitPublished(topic, field, e -> true, expected);
    }

    /**
     * What is on a topic more than once. A relay killed between Kafka's acknowledgement and its
     * delete sends that batch again once its lease ends (DESIGN.md, Events: at least once, and
     * consumers apply an event id once): such copies, two of an event of a killed producer, the first
     * sent before the crash and the second after it, are counted apart as resent; anything else
     * twice is in {@code twice}.
     */
    Copies copies() {
        Map<String, Integer> twice = new TreeMap<>();
        int resent = 0;
        for (String topic : TOPICS) {
            Map<String, List<Long>> sent = new HashMap<>();
            readAll(topic).forEach(r -> sent.computeIfAbsent(JsonPath.from(r.value()).getString("id"),
                    id -> new ArrayList<>()).add(r.timestamp()));
            for (Map.Entry<String, List<Long>> copies : sent.entrySet()) {
                List<Long> times = copies.getValue();
                if (times.size() == 1) {
                    continue;
                }
                long first = times.stream().mapToLong(Long::longValue).min().orElseThrow();
                long last = times.stream().mapToLong(Long::longValue).max().orElseThrow();
                boolean killedRelay = crashes.stream().anyMatch(crash -> crash.topics().contains(topic)
                        && first <= crash.at().toEpochMilli() && last > crash.at().toEpochMilli());
                if (times.size() == 2 && killedRelay) {
                    resent++;
                } else {
                    twice.put(topic + " " + copies.getKey(), times.size());
                }
            }
        }
        return new Copies(twice, resent);
    }

    /** Events on a topic more than once: resent by a relay that was killed, and any other (a fault). */
    record Copies(Map<String, Integer> twice, int resent) {
    }

    /** A producer killed at a moment, and the topics its relay sends to. */
    private record Crash(Instant at, Set<String> topics) {
    }

    /** The records every consumer group has not committed yet, per group (end offset minus committed). */
    Map<String, Long> consumerLag() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            Map<String, Long> lag = new TreeMap<>();
            for (GroupListing group : admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic ->
                        topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                                OffsetSpec.latest())));
                long behind = 0;
                for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    behind += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("consumer lag not known", e);
        }
    }

    /** Waits until no consumer group lags; answers how long that took. */
    Duration awaitNoLag() {
        Instant start = Instant.now();
        Instant deadline = start.plus(PATIENCE);
        Map<String, Long> lag = consumerLag();
        while (lag.values().stream().anyMatch(behind -> behind > 0)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("consumers still behind after " + PATIENCE.toSeconds() + " s: " + lag);
            }
            Processes.pause(Duration.ofMillis(500));
            lag = consumerLag();
        }
        // risk-scoring, code-issuer, scan-checkpoint and contact-trace consume
        assertTrue(lag.size() >= 4, "the services' consumer groups: " + lag.keySet());
        return Duration.between(start, Instant.now());
    }

    /**
     * Checkpoints scanning a crowd's fresh codes at venues, and residents declaring a fever, through
     * the gateway, until stopped: what every call answered is kept (the admitted scans, the accepted
     * declarations, each refusal's status and error code, the calls that got no answer in 30 s).
     */
    static final class Traffic {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String gateway;
        private final Set<String> admitted = ConcurrentHashMap.newKeySet();
        /** Accepted declaration id -> the declaring subject. */
        private final Map<String, String> declared = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger unanswered = new AtomicInteger();
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private volatile boolean running = true;

        Traffic(String gateway) {
            this.gateway = gateway;
        }

        Traffic scans(int checkpoints, List<Citizen> crowd, List<String> venues) {
            for (int i = 0; i < checkpoints; i++) {
                String checkpoint = "checkpoint-" + UUID.randomUUID();
                threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (running) {
                        Citizen citizen = crowd.get(random.nextInt(crowd.size()));
                        HttpResponse<String> code = call("GET /api/v1/me/code", null, tokenOf(citizen));
                        if (code == null || code.statusCode() != 200) {
                            continue;
                        }
                        String scanId = UUID.randomUUID().toString();
                        String body = "{\"token\":\"" + JsonPath.from(code.body()).getString("token") + "\",\"venueId\":\""
                                + venues.get(random.nextInt(venues.size())) + "\",\"scanId\":\"" + scanId + "\"}";
                        HttpResponse<String> scan = call("POST /api/v1/scans", body,
                                TestTokens.staff(checkpoint, "checkpoint", PROVINCE));
                        if (scan != null && scan.statusCode() / 100 == 2
                                && "ALLOW".equals(JsonPath.from(scan.body()).getString("decision"))) {
                            admitted.add(scanId);
                        }
                    }
                });
            }
            return this;
        }

        Traffic declarations(List<Citizen> declarers) {
            for (Citizen citizen : declarers) {
                threads.submit(() -> {
                    while (running) {
                        HttpResponse<String> answer = call("POST /api/v1/me/declarations", "{\"travel\":[],"
                                + "\"contactWithCase\":false,\"symptoms\":[\"FEVER\"],\"temperature\":38.2}", tokenOf(citizen));
                        if (answer != null && answer.statusCode() == 201) {
                            declared.put(JsonPath.from(answer.body()).getString("id"), citizen.subjectId());
                        }
                        Processes.pause(Duration.ofMillis(200));
                    }
                });
            }
            return this;
        }

        /** One call; null when it got no answer (counted as unanswered); a refusal is counted by status and error code. */
        private HttpResponse<String> call(String route, String json, String token) {
            String[] methodAndPath = route.split(" ");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + methodAndPath[1]))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
            if (json != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answered.incrementAndGet();
                if (answer.statusCode() / 100 != 2) {
                    String error;
                    try {
                        error = JsonPath.from(answer.body()).getString("error");
                    } catch (RuntimeException notJson) {
                        error = "not the JSON error shape";
                    }
                    refusals.computeIfAbsent(route + " " + answer.statusCode() + " " + error, k -> new AtomicInteger())
                            .incrementAndGet();
                }
                return answer;
            } catch (HttpTimeoutException hung) {
                unanswered.incrementAndGet();
                return null;
            } catch (IOException e) {
                refusals.computeIfAbsent(route + " connection failed", k -> new AtomicInteger()).incrementAndGet();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        int answered() {
            return answered.get();
        }

        /** Waits until {@code more} calls have been answered, failing if the answers stop. */
        void awaitMoreAnswers(int more, String when) {
            int target = answered.get() + more;
            Instant deadline = Instant.now().plus(PATIENCE);
            while (answered.get() < target) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("calls stopped being answered " + when + ": " + refusals());
                }
                Processes.pause(Duration.ofMillis(100));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            threads.shutdown();
            assertTrue(threads.awaitTermination(90, TimeUnit.SECONDS), "the traffic stopped");
        }

        Set<String> admitted() {
            return Set.copyOf(admitted);
        }

        Map<String, String> declared() {
            return Map.copyOf(declared);
        }

        int unanswered() {
            return unanswered.get();
        }

        /** Every call had an answer, and every refusal was the platform's JSON error with 503: never a 500, never a hang. */
        void assertAnsweredWithout500() {
            assertEquals(0, unanswered(), "calls left without an answer for 30 s");
            Map<String, Integer> refused = refusals();
            assertTrue(refused.keySet().stream().allMatch(kind -> kind.contains(" 503 ") && !kind.contains("not the JSON")),
                    () -> "refusals other than the JSON 503: " + refused + "; the services logged: "
                            + FaultDrill.get().platform.logLines("Unexpected "));
        }

        /** Each kind of refusal (route, status, error code) and how often it came. */
        Map<String, Integer> refusals() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            new TreeMap<>(refusals).forEach((kind, count) -> counts.put(kind, count.get()));
            return counts;
        }
    }

    static void assertOnce(String what, Map<String, Integer> counts) {
        assertEquals(Map.of(), twice(counts), what + " more than once");
    }
}
