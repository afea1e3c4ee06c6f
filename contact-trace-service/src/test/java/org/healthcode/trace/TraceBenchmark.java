package org.healthcode.trace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.infra.Postgres;
import org.healthcode.infra.RealInfra;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.trace.repository.VisitRepository;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A confirmed case with 1,000 close contacts in a visit index of ten million visits: the time from
 * {@code POST /v1/cases} until all its {@code contact-identified} events are on Kafka, over repeated
 * runs (a new case each run). Not part of the build (not a *Test or *IT); run with
 *
 * <pre>
 * mvn -B -o -q -pl contact-trace-service verify -Dtest=TraceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * ({@code -Dbench.visits=1000000 -Dbench.runs=10} for a quick one). Figures are printed and written
 * to {@code target/trace-benchmark.txt}.
 *
 * <p>The index: {@code bench.visits} visits bulk-loaded with COPY (two connections in parallel, in
 * the table's column order), one million subjects at 100,000 venues over the last 27 days, so a
 * venue sees about 100 visits a month. Each run: a new case scans at 10 venues of its own (9 malls,
 * one train carriage), each with 100 co-visitors within 25 minutes (close; transport for the
 * carriage), and at 3 background venues; each contact also scans at 2 background venues later, so
 * degree 2 finds real people too. Everything the case's trace publishes is awaited.
 */
@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class TraceBenchmark {

    private static final int VISITS = Integer.getInteger("bench.visits", 10_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 30);
    private static final int WARM_UP = 3;
    private static final int SUBJECTS = 1_000_000;
    private static final int VENUES = 100_000;
    private static final int CASE_VENUES = 10;
    private static final int PER_VENUE = 100;
    private static final Duration SPAN = Duration.ofDays(27);
    private static final String[] TYPES = {"RESIDENTIAL_COMMUNITY", "COMPANY", "MALL", "MARKET", "HOSPITAL", "PARK",
        "SCHOOL", "BUS"};
    private static final String AUTHORITY = TestTokens.staff("authority-bench", "authority", "330000");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String[] subjects = new String[SUBJECTS];
    private final String[] venues = new String[VENUES];
    private final StringBuilder report = new StringBuilder();

    @Test
    void aCaseWithAThousandContactsInTenMillionVisits() throws Exception {
        for (int i = 0; i < SUBJECTS; i++) {
            subjects[i] = pseudonym(i);
        }
        for (int i = 0; i < VENUES; i++) {
            venues[i] = new UUID(0x0b0b_0000_0000_4000L | ((long) i << 16), 0x8000_0000_0000_0000L | i).toString();
        }
        load();

        Events events = new Events();
        events.start();
        try {
            List<long[]> runs = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(42);
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long[] figures = runOnce(random, events);
                if (run >= WARM_UP) {
                    runs.add(figures);
                }
            }
            summarise(runs);
            explainCoVisitQuery();
        } finally {
            events.stop();
        }
        Path out = Path.of("target/trace-benchmark.txt");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** Bulk-loads the background visits with COPY on two connections, then ANALYZE. */
    private void load() throws Exception {
        long started = System.nanoTime();
        int streams = 2;
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        List<Future<Long>> copies = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            copies.add(pool.submit(() -> copyBackground(stream, streams)));
        }
        long rows = 0;
        for (Future<Long> copy : copies) {
            rows += copy.get();
        }
        pool.shutdown();
        long copied = System.nanoTime();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE visit");
        }
        long analysed = System.nanoTime();
        double copySeconds = (copied - started) / 1e9;
        line("Visit index: %,d visits COPYed in %.1f s (%,.0f rows/s, %d parallel COPY streams), ANALYZE %.1f s",
                rows, copySeconds, rows / copySeconds, streams, (analysed - copied) / 1e9);
        line("Table size with indexes: %s; partitions: %s", query("select pg_size_pretty(sum(pg_total_relation_size("
                + "c.oid))) from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'visit'::regclass"),
                query("select string_agg(c.relname || '=' || c.reltuples::bigint, ', ' order by c.relname) "
                        + "from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'visit'::regclass"));
    }

    private long copyBackground(int stream, int streams) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(1000 + stream);
        long first = (long) VISITS * stream / streams;
        long last = (long) VISITS * (stream + 1) / streams;
        long spanSeconds = SPAN.toSeconds();
        Instant start = now.minus(SPAN).minus(1, ChronoUnit.HOURS);
        try (Connection connection = connect()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY visit (at, venue_id, subject_id, venue_type, scan_id) FROM STDIN");
            StringBuilder chunk = new StringBuilder(1 << 21);
            for (long i = first; i < last; i++) {
                Instant at = start.plusSeconds(random.nextLong(spanSeconds));
                int venue = random.nextInt(VENUES);
                // at, venue_id, subject_id, venue_type, scan_id: the table's column order.
                chunk.append(at).append('\t').append(venues[venue]).append('\t')
                        .append(subjects[random.nextInt(SUBJECTS)]).append('\t')
                        .append(TYPES[venue % TYPES.length]).append('\t').append("bg-").append(i).append('\n');
                if (chunk.length() > (1 << 21) - 200) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            return copy.endCopy();
        }
    }

    /** One case: arrange its visits, POST it, wait for every event its trace published. */
    private long[] runOnce(SplittableRandom random, Events events) throws Exception {
        String patient = pseudonym(random);
        List<String> rows = new ArrayList<>();
        for (int v = 0; v < CASE_VENUES; v++) {
            boolean train = v == CASE_VENUES - 1;
            String venue = UUID.randomUUID().toString();
            String type = train ? "TRAIN" : "MALL";
            Instant caseAt = now.minus(1 + random.nextInt(10), ChronoUnit.DAYS).minusSeconds(random.nextInt(36_000));
            rows.add(row(caseAt, venue, patient, type));
            for (int c = 0; c < PER_VENUE; c++) {
                String contact = pseudonym(random);
                Instant at = caseAt.plusSeconds(random.nextInt(-25 * 60, 25 * 60 + 1));
                rows.add(row(at, venue, contact, type));
                for (int later = 1; later <= 2; later++) {
                    Instant after = at.plus(later * 6L, ChronoUnit.HOURS);
                    int bg = random.nextInt(VENUES);
                    rows.add(row(after, venues[bg], contact, TYPES[bg % TYPES.length]));
                }
            }
        }
        for (int b = 0; b < 3; b++) {
            int bg = random.nextInt(VENUES);
            rows.add(row(now.minus(1 + random.nextInt(12), ChronoUnit.DAYS), venues[bg], patient, TYPES[bg % TYPES.length]));
        }
        try (Connection connection = connect()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY visit (at, venue_id, subject_id, venue_type, scan_id) FROM STDIN");
            write(copy, new StringBuilder(String.join("", rows)));
            copy.endCopy();
        }

        long started = System.nanoTime();
        JsonPath answer = given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient, "status", "CONFIRMED")).post("/v1/cases")
                .then().statusCode(201).extract().jsonPath();
        long answered = System.nanoTime();
        String caseId = answer.getString("id");
        int published = answer.getInt("contactsPublished");
        List<Long> arrivals = events.await(caseId, published, Duration.ofSeconds(60));
        assertTrue(arrivals.size() == published, "all " + published + " events arrived, got " + arrivals.size());
        long degreeOneThousandth = events.nthDegreeOne(caseId, CASE_VENUES * PER_VENUE);
        long last = arrivals.stream().mapToLong(Long::longValue).max().orElse(answered);
        return new long[] {answered - started, degreeOneThousandth - started, last - started, published};
    }

    private void summarise(List<long[]> runs) {
        line("");
        line("%d runs after %d warm-up runs; each case: %d close contacts (degree 1) plus whoever else its trace found",
                runs.size(), WARM_UP, CASE_VENUES * PER_VENUE);
        line("%-58s %8s %8s %8s %8s", "", "p50", "p99", "min", "max");
        figure(runs, 0, "POST /v1/cases answered (trace + commit), ms");
        figure(runs, 1, "1,000th degree-1 contact-identified on Kafka, ms");
        figure(runs, 2, "last contact-identified of the case on Kafka, ms");
        long[] events = runs.stream().mapToLong(r -> r[3]).sorted().toArray();
        line("events per case (degree 1 + 2): min %d, median %d, max %d", events[0], events[events.length / 2],
                events[events.length - 1]);
        line("p99 over %d runs is the nearest-rank %dth value, i.e. the slowest run", runs.size(),
                (int) Math.ceil(0.99 * runs.size()));
    }

    private void figure(List<long[]> runs, int column, String label) {
        double[] ms = runs.stream().mapToDouble(r -> r[column] / 1e6).sorted().toArray();
        line("%-58s %8.0f %8.0f %8.0f %8.0f", label, percentile(ms, 50), percentile(ms, 99), ms[0], ms[ms.length - 1]);
    }

    /** The plan of the co-visit query for ten case visits, to show the index ranges and partition pruning. */
    private void explainCoVisitQuery() throws SQLException {
        String sql = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + VisitRepository.WITHIN.replaceAll("\\?\\d+", "?");
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int n = 10;
            String[] ids = new String[n];
            String[] froms = new String[n];
            String[] tos = new String[n];
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < n; i++) {
                Instant at = now.minus(1 + random.nextInt(10), ChronoUnit.DAYS);
                ids[i] = venues[random.nextInt(VENUES)];
                froms[i] = at.minus(2, ChronoUnit.HOURS).toString();
                tos[i] = at.plus(2, ChronoUnit.HOURS).toString();
            }
            Array a = connection.createArrayOf("text", ids);
            Array b = connection.createArrayOf("text", froms);
            Array c = connection.createArrayOf("text", tos);
            statement.setArray(1, a);
            statement.setArray(2, b);
            statement.setArray(3, c);
            statement.setObject(4, now.minus(11, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
            statement.setObject(5, now.atOffset(ZoneOffset.UTC));
            line("");
            line("Plan of the co-visit query (10 venue windows of ±2 h):");
            try (ResultSet plan = statement.executeQuery()) {
                while (plan.next()) {
                    line("  %s", plan.getString(1));
                }
            }
        }
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String row(Instant at, String venue, String subject, String type) {
        return at + "\t" + venue + "\t" + subject + "\t" + type + "\tbench-" + UUID.randomUUID() + "\n";
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl + "?currentSchema=contact_trace", Postgres.USER, "");
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static String pseudonym(long seed) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (seed >>> (8 * i));
        }
        bytes[8] = 0x5a;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pseudonym(SplittableRandom random) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An outside consumer of contact-identified, noting when each event of each case arrives. */
    private static final class Events implements Runnable {

        private final Map<String, List<long[]>> byCase = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        private Thread thread;
        private volatile boolean assigned;

        void start() throws InterruptedException {
            thread = new Thread(this, "bench-consumer");
            thread.start();
            for (int i = 0; i < 300 && !assigned; i++) {
                Thread.sleep(100);
            }
            assertTrue(assigned, "the benchmark consumer was assigned the topic");
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfra.shared().kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
                consumer.subscribe(List.of("contact-identified"));
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(5));
                    long received = System.nanoTime();
                    if (!consumer.assignment().isEmpty() && !assigned) {
                        consumer.seekToEnd(consumer.assignment());
                        consumer.assignment().forEach(consumer::position);
                        assigned = true;
                        continue;
                    }
                    for (ConsumerRecord<String, String> record : records) {
                        String value = record.value();
                        int at = value.indexOf("\"caseId\":\"");
                        int degree = value.indexOf("\"degree\":");
                        if (at < 0 || degree < 0) {
                            continue;
                        }
                        String caseId = value.substring(at + 10, at + 46);
                        long d = value.charAt(degree + 9) - '0';
                        byCase.computeIfAbsent(caseId, k -> new CopyOnWriteArrayList<>()).add(new long[] {received, d});
                    }
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }

        List<Long> await(String caseId, int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && byCase.getOrDefault(caseId, List.of()).size() < count
                    && failures.isEmpty()) {
                Thread.sleep(1);
            }
            assertTrue(failures.isEmpty(), () -> "consumer failed: " + failures.peek());
            return byCase.getOrDefault(caseId, List.of()).stream().map(e -> e[0]).toList();
        }

        long nthDegreeOne(String caseId, int n) {
            long[] times = byCase.getOrDefault(caseId, List.of()).stream().filter(e -> e[1] == 1)
                    .mapToLong(e -> e[0]).sorted().toArray();
            return times.length >= n ? times[n - 1] : Long.MAX_VALUE;
        }
    }
}
