package org.healthcode.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.infra.Postgres;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.trace.repository.PartitionMaintenance;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class VisitIndexIT {

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;
    @Inject
    PartitionMaintenance partitions;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aScanIsOneVisitHoweverOftenItArrivesAndAnUnreadableOneIsDeadLettered() throws Exception {
        Scans scans = new Scans(json, pool);
        String subject = Scans.subject();
        UUID venue = UUID.randomUUID();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String first = scans.scan(subject, venue, "MARKET", at);
        scans.send(subject, first);
        // The producer published the same scan again under a new event id (an outbox retry would not, but a
        // replayed topic might): still one visit.
        String scanId = json.readTree(first).get("data").get("scanId").asText();
        scans.send(subject, scans.event(UUID.randomUUID().toString(), scanId, subject, venue, "MARKET", at));
        scans.send(subject, "{not json");
        scans.send(subject, scans.event(UUID.randomUUID().toString(), "scan-" + UUID.randomUUID(), subject, venue,
                "SPACESHIP", at));
        String mismatched = scans.event(UUID.randomUUID().toString(), "scan-" + UUID.randomUUID(), subject, venue,
                "MARKET", at).replace("\"subjectId\":\"" + subject + "\"", "\"subjectId\":\"" + Scans.subject() + "\"");
        scans.send(subject, mismatched);
        scans.scan(subject, venue, "MARKET", at.plus(1, ChronoUnit.MINUTES));

        var deadLetters = KafkaTestClient.read("dead-letter-topic-scan-recorded", r -> subject.equals(r.key()), 3,
                Duration.ofSeconds(20));
        assertEquals(3, deadLetters.size(), "garbage, an unknown venue type and a subject mismatch");
        assertEquals(2, scans.awaitVisits(List.of(subject), 2));
        Row row = pool.preparedQuery("select venue_id, venue_type, at, scan_id from visit where subject_id = $1 order by at")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertEquals(venue, row.getUUID("venue_id"));
        assertEquals("MARKET", row.getString("venue_type"));
        assertEquals(at, row.getOffsetDateTime("at").toInstant());
        assertEquals(scanId, row.getString("scan_id"));
    }

    @Test
    void visitsBulkLoadWithCopyInTheDocumentedColumnOrderIntoTheirMonthsPartition() throws Exception {
        String subject = Scans.subject();
        UUID venue = UUID.randomUUID();
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            // at, venue_id, subject_id, venue_type, scan_id: the columns named, the seat left null.
            lines.append(at.plusSeconds(i * 60L)).append('\t').append(venue).append('\t').append(subject)
                    .append('\t').append("BUS").append('\t').append("bulk-").append(UUID.randomUUID()).append('\n');
        }
        long copied;
        try (Connection connection = DriverManager.getConnection(jdbcUrl + "?currentSchema=contact_trace",
                Postgres.USER, "")) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY visit (at, venue_id, subject_id, venue_type, scan_id) FROM STDIN",
                            new StringReader(lines.toString()));
        }
        assertEquals(3, copied);

        List<String> partitionsHoldingThem = new ArrayList<>();
        pool.preparedQuery("select tableoid::regclass::text from visit where subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5))
                .forEach(r -> partitionsHoldingThem.add(r.getString(0)));
        assertEquals(List.of(monthPartition(at), monthPartition(at), monthPartition(at)), partitionsHoldingThem);
    }

    @Test
    void monthsGetPartitionsAheadAndExpiredMonthsAreDropped() {
        Instant now = Instant.now();
        partitions.maintain(now).await().atMost(Duration.ofSeconds(20));
        for (int ahead = 0; ahead <= 2; ahead++) {
            assertTrue(partitionExists(YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(ahead)), "month +" + ahead);
        }

        // A scan for a month without partition waits in the default partition and moves when its month is made.
        YearMonth future = YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusYears(3);
        Instant inFuture = future.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
        String scanId = "future-" + UUID.randomUUID();
        insert(inFuture, scanId);
        assertEquals("visit_default", partitionOf(scanId));
        assertTrue(ensure(inFuture));
        assertEquals(monthPartition(inFuture), partitionOf(scanId));
        assertFalse(ensure(inFuture), "made once");

        // A month wholly older than the retention is dropped with its visits.
        Instant longAgo = Instant.parse("2001-01-15T00:00:00Z");
        String oldScan = "old-" + UUID.randomUUID();
        ensure(longAgo);
        insert(longAgo, oldScan);
        partitions.maintain(now).await().atMost(Duration.ofSeconds(20));
        assertFalse(partitionExists(YearMonth.of(2001, 1)));
        assertEquals(0L, pool.preparedQuery("select count(*) from visit where scan_id = $1").execute(Tuple.of(oldScan))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0));
        assertTrue(partitionExists(YearMonth.from(now.atOffset(ZoneOffset.UTC))), "the current month stays");
    }

    private void insert(Instant at, String scanId) {
        pool.preparedQuery("insert into visit values ($1, $2, $3, 'PARK', $4)")
                .execute(Tuple.of(at.atOffset(ZoneOffset.UTC), UUID.randomUUID(), Scans.subject(), scanId))
                .await().atMost(Duration.ofSeconds(5));
    }

    private boolean ensure(Instant month) {
        return pool.preparedQuery("select ensure_visit_partition($1)").execute(Tuple.of(month.atOffset(ZoneOffset.UTC)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
    }

    private String partitionOf(String scanId) {
        return pool.preparedQuery("select tableoid::regclass::text from visit where scan_id = $1")
                .execute(Tuple.of(scanId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    }

    private boolean partitionExists(YearMonth month) {
        return pool.preparedQuery("select to_regclass($1) is not null").execute(Tuple.of(partitionName(month)))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getBoolean(0);
    }

    private static String monthPartition(Instant at) {
        return partitionName(YearMonth.from(at.atOffset(ZoneOffset.UTC)));
    }

    private static String partitionName(YearMonth month) {
        return String.format("visit_%04d_%02d", month.getYear(), month.getMonthValue());
    }
}
