package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthcode.infra.Postgres;
import org.healthcode.infra.Processes;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Not a test: scans per second end to end — {@code POST /api/v1/scans} at the gateway →
 * scan-checkpoint (offline verification, the holder's current colour, the attempt stored and its
 * outbox row written) → Kafka {@code scan-recorded} → contact-trace's visit index — sustained by many
 * checkpoint clients at once, then nothing lost: every scanId that got a 200 must be in the index
 * ({@code contact_trace.visit}), or the run fails. In the same run, on the same PostgreSQL, with the
 * same number of clients for the same time: raw single-row INSERTs by {@code pgbench} into a table
 * of the visit index's shape and indexes, the primitive the pipeline is measured against (DESIGN.md, Numbers).
 *
 * <pre>
 * mvn -B -o -q -pl deploy/e2e verify -Dtest=ScanIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * after the services are built ({@code mvn -B -o -q package -DskipTests} at the root). Settings:
 * {@code -Dbench.clients=32 -Dbench.citizens=40 -Dbench.venues=20 -Dbench.warmup=20
 * -Dbench.seconds=120}; {@code -Dbench.profile=true} adds, at every step, where the JVMs of the scan path
 * spend their CPU ({@link CpuProfile}). Figures are printed and written to {@code target/scan-ingest-benchmark.txt}.
 *
 * <p>The gateway's per-caller rate limit would otherwise be what is measured: the platform is started
 * with it raised ({@code platform.env.GATEWAY_RATE_LIMIT_*}), for this run only. The citizens' codes
 * live 180 s, so they are fetched again (as the mini-program does) before they expire.
 */
class ScanIngestBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int CITIZENS = Integer.getInteger("bench.citizens", 40);
    private static final int VENUES = Integer.getInteger("bench.venues", 20);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("bench.step-seconds", 15));
    private static final int[] RATES = Arrays.stream(System.getProperty("bench.rates", "250,500,1000,1500,2000")
            .split(",")).mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
    private static final int SUSTAINED = Integer.getInteger("bench.sustained", 1500);
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 120));
    private static final Duration RAW = Duration.ofSeconds(Integer.getInteger("bench.raw-seconds", 30));
    /** Gives up waiting for the index when it has not grown for this long. */
    private static final Duration STALLED = Duration.ofSeconds(Integer.getInteger("bench.stalled", 120));
    /** {@code -Dbench.profile=true}: each step also records where the scan path's JVMs spend their CPU. */
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    private static final List<String> SCAN_PATH = List.of("gateway", "scan-checkpoint-service", "declaration-service");
    private static final String PROVINCE = "330000";
    private static final String[] TYPES = {"RESIDENTIAL_COMMUNITY", "COMPANY", "MALL", "MARKET", "HOSPITAL", "PARK",
        "SCHOOL"};
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    static {
        // Before Platform.get(): only a platform started by this class has the limit raised.
        for (String limit : List.of("GATEWAY_RATE_LIMIT_PER_SECOND", "GATEWAY_RATE_LIMIT_BURST")) {
            if (System.getProperty("platform.env." + limit) == null) {
                System.setProperty("platform.env." + limit, "1000000");
            }
        }
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final StringBuilder report = new StringBuilder();
    private Platform platform;

    @Test
    void scansPerSecondEndToEndAgainstRawInserts() throws Exception {
        // measured as production runs by default: tracing off
        System.setProperty("platform.env.QUARKUS_OTEL_SDK_DISABLED", "true");
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;

        Bearer setup = new Bearer("checkpoint-bench-setup");
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < VENUES; i++) {
            venues.add(given().auth().oauth2(setup.get()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Bench venue " + i, "type", TYPES[i % TYPES.length], "regionCode", "330106",
                            "address", i + " Bench Road"))
                    .post("/api/v1/venues").then().statusCode(201).extract().path("id"));
        }
        Codes codes = Codes.ofGreenCitizens(CITIZENS);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        admitEveryone(codes, venues.get(0), setup, accepted);
        List<Bearer> checkpoints = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            checkpoints.add(new Bearer("checkpoint-bench-" + c));
        }
        TopStatements statements = new TopStatements(platform.jdbcUrl());

        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
        refresher.scheduleWithFixedDelay(codes::refreshExpiring, 5, 5, TimeUnit.SECONDS);
        try (OpenLoad load = new OpenLoad(1024)) {
            URI scans = URI.create(platform.gatewayUrl() + "/api/v1/scans");
            Scans warm = new Scans("w", codes, venues, checkpoints, scans);
            load.offer(Math.min(SUSTAINED, 300), WARM_UP, warm::call, warm.okInto(accepted));
            line("");
            line("POST /api/v1/scans open loop, %d checkpoint staff, %d green citizens, %d venues, %d s a step",
                    CLIENTS, CITIZENS, VENUES, STEP.toSeconds());
            for (int rate : RATES) {
                Scans step = new Scans("s" + rate, codes, venues, checkpoints, scans);
                CpuUse before = CpuUse.now(platform.postgresPort());
                statements.reset();
                CpuProfile profile = PROFILE ? CpuProfile.start(SCAN_PATH) : null;
                OpenLoad.Result result = load.offer(rate, STEP, step::call, step.okInto(accepted));
                line("  %s", result.line());
                report(CpuUse.now(platform.postgresPort()).since(before, result.sortedNanos().length,
                        Duration.ofNanos(result.elapsedNanos())));
                report(statements.report(result.sortedNanos().length, 8));
                if (profile != null) {
                    report(profile.stop(Path.of("target/scan-ingest-profile", rate + "-per-second")));
                }
                if (result.okPerSecond() < 0.9 * rate) {
                    break;
                }
            }
            Scans sustained = new Scans("m", codes, venues, checkpoints, scans);
            long started = System.nanoTime();
            OpenLoad.Result measured = load.offer(SUSTAINED, MEASURE, sustained::call, sustained.okInto(accepted));
            long lastOk = started + measured.elapsedNanos();
            Drained drained = awaitIndexed(venues, accepted, lastOk);
            Optional<Double> raw = pgbench();
            summarise(measured, started, lastOk, drained, accepted.size(), codes.refreshed(), raw);
        } finally {
            refresher.shutdownNow();
        }
        Files.writeString(Path.of("target/scan-ingest-benchmark.txt"), report.toString(), StandardCharsets.UTF_8);
    }

    /** Scan i of a phase: a citizen's current code at a venue, by one of the checkpoint staff, scan id by phase and i. */
    private final class Scans {
        private final String phase;
        private final Codes codes;
        private final List<String> venues;
        private final List<Bearer> staff;
        private final URI uri;

        Scans(String phase, Codes codes, List<String> venues, List<Bearer> staff, URI uri) {
            this.phase = phase;
            this.codes = codes;
            this.venues = venues;
            this.staff = staff;
            this.uri = uri;
        }

        String scanId(int i) {
            return "ingest-" + run + "-" + phase + "-" + i;
        }

        OpenLoad.Call call(int i) {
            String body = "{\"token\":\"" + codes.token(i % CITIZENS) + "\",\"venueId\":\"" + venues.get(i % venues.size())
                    + "\",\"scanId\":\"" + scanId(i) + "\"}";
            return new OpenLoad.Call(HttpMethod.POST, uri, staff.get(i % staff.size()).get(), body);
        }

        IntConsumer okInto(Set<String> accepted) {
            return i -> accepted.add(scanId(i));
        }
    }

    /**
     * One scan of each citizen until ALLOW: the checkpoint's copy of the colours follows code-issuer's
     * a moment later (until then DENY NO_COLOUR, as at a real entrance).
     */
    private void admitEveryone(Codes codes, String venue, Bearer checkpoint, Set<String> accepted) {
        for (int i = 0; i < CITIZENS; i++) {
            int who = i;
            await("ALLOW at the checkpoint", () -> {
                String scanId = "ingest-" + run + "-a-" + who + "-" + UUID.randomUUID().toString().substring(0, 8);
                Response answer = given().auth().oauth2(checkpoint.get()).contentType(ContentType.JSON)
                        .body(Map.of("token", codes.token(who), "venueId", venue, "scanId", scanId))
                        .post("/api/v1/scans");
                if (answer.statusCode() == 200) {
                    accepted.add(scanId);
                }
                return answer;
            }, scan -> "ALLOW".equals(scan.getString("decision")));
        }
    }

    private record Drained(long indexedNanos, int indexed, int extra) {
    }

    /**
     * Waits until the visit index holds every accepted scanId (the venues are this run's own, so
     * their visits are this run's scans), noting when the last one arrived; fails naming what is
     * missing if the index stops growing first.
     */
    private Drained awaitIndexed(List<String> venues, Set<String> accepted, long lastOkNanos) throws Exception {
        try (Connection connection = connect();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from contact_trace.visit where venue_id = any(?::uuid[])")) {
            Array venueIds = connection.createArrayOf("text", venues.toArray());
            count.setArray(1, venueIds);
            int expected = accepted.size();
            long progressed = System.nanoTime();
            int seen = -1;
            while (true) {
                int now;
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    now = rows.getInt(1);
                }
                long at = System.nanoTime();
                if (now >= expected) {
                    Set<String> indexed = indexedScanIds(connection, venueIds);
                    Set<String> missing = new HashSet<>(accepted);
                    missing.removeAll(indexed);
                    if (missing.isEmpty()) {
                        if (now > indexed.size()) {
                            fail((now - indexed.size()) + " visits indexed twice");
                        }
                        return new Drained(Math.max(at, lastOkNanos), indexed.size(), indexed.size() - expected);
                    }
                    // more rows than 200s but not the right ones: keep waiting for the missing ones
                }
                if (now > seen) {
                    seen = now;
                    progressed = at;
                } else if (at - progressed > STALLED.toNanos()) {
                    Set<String> missing = new HashSet<>(accepted);
                    missing.removeAll(indexedScanIds(connection, venueIds));
                    fail(missing.size() + " of " + expected + " scans answered 200 never reached the visit index, e.g. "
                            + missing.stream().limit(5).toList());
                }
                Processes.pause(Duration.ofMillis(50));
            }
        }
    }

    private static Set<String> indexedScanIds(Connection connection, Array venueIds) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select scan_id from contact_trace.visit where venue_id = any(?::uuid[])")) {
            select.setArray(1, venueIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Raw single-row INSERTs with pgbench: same clients, same time, same server, into a table shaped,
     * partitioned and indexed like the visit index. Empty when pgbench is not on the PATH.
     */
    private Optional<Double> pgbench() throws Exception {
        Optional<Path> pgbench = onPath("pgbench");
        if (pgbench.isEmpty()) {
            line("pgbench is not on the PATH: the raw PostgreSQL figure is skipped");
            return Optional.empty();
        }
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists raw_bench cascade");
            sql.execute("create schema raw_bench");
            sql.execute("create table raw_bench.visit (at timestamptz not null, venue_id uuid not null, "
                    + "subject_id text not null, venue_type text not null, scan_id text not null) partition by range (at)");
            sql.execute("create index on raw_bench.visit (venue_id, at)");
            sql.execute("create index on raw_bench.visit (subject_id, at)");
            sql.execute("create unique index on raw_bench.visit (scan_id, at)");
            sql.execute("create table raw_bench.visit_default partition of raw_bench.visit default");
            sql.execute(String.format("create table raw_bench.visit_now partition of raw_bench.visit "
                    + "for values from ('%s') to ('%s')", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        Path script = Path.of("target/pgbench-visit-insert.sql").toAbsolutePath();
        Files.writeString(script, String.format("""
                \\set venue random(1, %d)
                \\set subject random(1, %d)
                insert into raw_bench.visit (at, venue_id, subject_id, venue_type, scan_id) values (now(), \
                cast('00000000-0000-4000-8000-' || lpad(cast(:venue as text), 12, '0') as uuid), \
                'pgbench-subject-' || lpad(cast(:subject as text), 6, '0'), 'MALL', cast(gen_random_uuid() as text));
                """, VENUES, CITIZENS));
        URI server = URI.create(platform.jdbcUrl().substring("jdbc:".length()));
        List<String> command = List.of(pgbench.get().toString(), "-n", "-M", "prepared", "-c", Integer.toString(CLIENTS),
                "-j", Integer.toString(Math.min(CLIENTS, 2)), "-T", Long.toString(RAW.toSeconds()),
                "-h", server.getHost(), "-p", Integer.toString(server.getPort()), "-U", Postgres.USER,
                "-f", script.toString(), server.getPath().substring(1));
        Path out = Path.of("target/pgbench-visit-insert.out").toAbsolutePath();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(RAW.toSeconds() + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("pgbench did not finish; its output: " + out);
        }
        String output = Files.readString(out);
        Matcher tps = TPS.matcher(output);
        assertTrue(process.exitValue() == 0 && tps.find(), "pgbench failed: " + output);
        long rows;
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet count = sql.executeQuery("select count(*) from raw_bench.visit")) {
            count.next();
            rows = count.getLong(1);
            sql.execute("drop schema raw_bench cascade");
        }
        line("pgbench: %s -c %d -j %d -T %d -M prepared (%,d rows inserted); script %s",
                pgbench.get(), CLIENTS, Math.min(CLIENTS, 2), RAW.toSeconds(), rows, script.getFileName());
        return Optional.of(Double.parseDouble(tps.group(1)));
    }

    private void summarise(OpenLoad.Result measured, long startedNanos, long lastOkNanos, Drained drained,
            int accepted, long refreshed, Optional<Double> raw) {
        double lagMs = Math.max(0, drained.indexedNanos() - lastOkNanos) / 1e6;
        double endToEnd = measured.ok() / ((Math.max(drained.indexedNanos(), lastOkNanos) - startedNanos) / 1e9);
        line("");
        line("Sustained: %,d scans/s offered for %d s (codes fetched again %d times, each a minute before it expired)",
                SUSTAINED, MEASURE.toSeconds(), refreshed);
        line("  %s", measured.line());
        line("  ingest lag (end of the run -> last visit indexed): %,.0f ms", lagMs);
        line("  end to end (2xx / (run + ingest lag)): %,.0f scans/s", endToEnd);
        line("  nothing lost, nothing twice: all %,d scanIds answered 2xx in this run (warm-up and steps included) are in"
                + " contact_trace.visit once%s", accepted,
                drained.extra() > 0 ? " (+" + drained.extra() + " indexed without a 2xx: timed out)" : "");
        raw.ifPresent(tps -> {
            line("  raw PostgreSQL, pgbench single-row INSERT into a table like visit, %d clients, %d s: %,.0f inserts/s",
                    CLIENTS, RAW.toSeconds(), tps);
            line("  ratio end to end / raw insert: %.3f", endToEnd / tps);
        });
        line("");
    }

    private void report(String lines) {
        report.append(lines);
        System.out.print(lines);
    }

    /** Like {@link CitizenJourneyIT#await}, with the patience a loaded machine needs. */
    static JsonPath await(String what, Supplier<Response> call, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plusSeconds(90);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Response response = call.get();
            last = response.statusCode() + " " + response.asString();
            if (response.statusCode() == 200 && done.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Processes.pause(Duration.ofMillis(250));
        }
        throw new AssertionError("not " + what + " within 90 s; last answer: " + last);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), Postgres.USER, "");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    /** A staff bearer token, made again before the test issuer's ten minutes run out. */
    static final class Bearer {
        private final String subject;
        private String token;
        private long madeNanos;

        Bearer(String subject) {
            this.subject = subject;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - madeNanos > Duration.ofMinutes(5).toNanos()) {
                token = TestTokens.staff(subject, "checkpoint", PROVINCE);
                madeNanos = System.nanoTime();
            }
            return token;
        }
    }

    /** Registered green citizens and their current code tokens, fetched again before they expire. */
    static final class Codes {
        private final List<String> accounts;
        private final AtomicReferenceArray<String> tokens;
        private final AtomicReferenceArray<Instant> expiresAt;
        private final LongAdder refreshed = new LongAdder();

        private Codes(List<String> accounts) {
            this.accounts = accounts;
            this.tokens = new AtomicReferenceArray<>(accounts.size());
            this.expiresAt = new AtomicReferenceArray<>(accounts.size());
        }

        static Codes ofGreenCitizens(int count) throws Exception {
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                accounts.add(Residents.account());
            }
            Codes codes = new Codes(accounts);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int who = i;
                work.add(pool.submit(() -> codes.registerGreen(who)));
            }
            for (Future<?> each : work) {
                each.get();
            }
            pool.shutdown();
            return codes;
        }

        private void registerGreen(int who) {
            String bearer = TestTokens.citizen(accounts.get(who));
            given().auth().oauth2(bearer).contentType(ContentType.JSON)
                    .body(Residents.registration(Residents.name(), Residents.idNumber(), Residents.phone()))
                    .post("/api/v1/me/registration").then().statusCode(201);
            given().auth().oauth2(bearer).contentType(ContentType.JSON)
                    .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5))
                    .post("/api/v1/me/declarations").then().statusCode(201);
            JsonPath code = await("GREEN", () -> given().auth().oauth2(bearer).get("/api/v1/me/code"),
                    c -> "GREEN".equals(c.getString("colour")));
            remember(who, code);
        }

        long refreshed() {
            return refreshed.sum();
        }

        String token(int who) {
            return tokens.get(who);
        }

        /** Like the mini-program: a code with less than a minute left is fetched again. */
        void refreshExpiring() {
            Instant soon = Instant.now().plusSeconds(60);
            for (int who = 0; who < accounts.size(); who++) {
                if (expiresAt.get(who).isBefore(soon)) {
                    try {
                        Response answer = given().auth().oauth2(TestTokens.citizen(accounts.get(who)))
                                .get("/api/v1/me/code");
                        if (answer.statusCode() == 200) {
                            remember(who, answer.jsonPath());
                            refreshed.increment();
                        }
                    } catch (RuntimeException retriedInFiveSeconds) {
                        // the next round tries again; the old code is still valid for a minute
                    }
                }
            }
        }

        private void remember(int who, JsonPath code) {
            tokens.set(who, code.getString("token"));
            expiresAt.set(who, Instant.parse(code.getString("expiresAt")));
        }
    }
}
