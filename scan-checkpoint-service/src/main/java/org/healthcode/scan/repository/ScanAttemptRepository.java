package org.healthcode.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.event.Outbox;
import org.healthcode.kit.code.Colour;
import org.healthcode.scan.domain.ColourSource;
import org.healthcode.scan.domain.Decision;
import org.healthcode.scan.domain.DenyReason;
import org.healthcode.scan.domain.ScanAttempt;
import org.healthcode.scan.domain.ScanMode;

/**
 * Scan attempts, on the pool: a scan is the hottest write of the platform, so recording one is one
 * statement (one round trip, its own transaction) rather than an ORM transaction of several.
 */
@ApplicationScoped
public class ScanAttemptRepository {

    // The attempt, its scan-recorded event (outbox) and, for an ID-card lookup, its audit line: all
    // or nothing, as one statement is. "On conflict do nothing": a concurrent retry of the same scan
    // id waits for the first and then records nothing (no event, no audit line), instead of failing.
    // The event and the audit line are written only when the attempt was.
    private static final String RECORD = """
            with attempt as (
                insert into scan_attempt (scan_id, mode, venue_id, operator, subject_id, province, decision, reason,
                                          colour_at_scan, gold, fingerprint, at, colour_source)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $27)
                on conflict (scan_id) do nothing
                returning scan_id),
            event as (
                insert into outbox_event (id, topic, event_key, payload, traceparent, tracestate)
                select $13::uuid, $14::text, $15::text, $16::text, $17::text, $18::text from attempt
                where $13::uuid is not null
                returning id),
            entry as (
                insert into audit_entry (at, actor, action, outcome, subject_id, object, province, detail)
                select $19::timestamptz, $20::text, $21::text, $22::text, $23::text, $24::text, $25::text, $26::text
                from attempt where $21::text is not null
                returning at)
            select count(*) as recorded from attempt""";

    private static final String FIND = """
            select scan_id, mode, venue_id, operator, subject_id, province, decision, reason, colour_at_scan, gold,
                   fingerprint, at, colour_source
            from scan_attempt where scan_id = $1""";

    private final Pool pool;

    public ScanAttemptRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the attempt with its event ({@code event} null: none) and audit line ({@code audit}
     * null: none), unless its scan id is already recorded; answers whether it was.
     */
    public Uni<Boolean> record(ScanAttempt attempt, Outbox.Row event, AuditEntry audit) {
        Tuple values = Tuple.tuple()
                .addValue(attempt.scanId).addValue(attempt.mode.name()).addValue(attempt.venueId)
                .addValue(attempt.operator).addValue(attempt.subjectId).addValue(attempt.province)
                .addValue(attempt.decision.name()).addValue(attempt.reason == null ? null : attempt.reason.name())
                .addValue(attempt.colourAtScan == null ? null : attempt.colourAtScan.name()).addValue(attempt.gold)
                .addValue(attempt.fingerprint).addValue(utc(attempt.at))
                .addValue(event == null ? null : event.id()).addValue(event == null ? null : event.topic())
                .addValue(event == null ? null : event.key()).addValue(event == null ? null : event.payload())
                .addValue(event == null ? null : event.traceparent()).addValue(event == null ? null : event.tracestate())
                .addValue(audit == null ? null : utc(audit.at())).addValue(audit == null ? null : audit.actor())
                .addValue(audit == null ? null : audit.action()).addValue(audit == null ? null : audit.outcome().name())
                .addValue(audit == null ? null : audit.subjectId()).addValue(audit == null ? null : audit.object())
                .addValue(audit == null ? null : audit.province()).addValue(audit == null ? null : audit.detail())
                .addValue(attempt.colourSource == null ? null : attempt.colourSource.name());
        return pool.preparedQuery(RECORD).execute(values)
                .map(rows -> rows.iterator().next().getLong("recorded") > 0);
    }

    /** The attempt recorded under this scan id, or null. */
    public Uni<ScanAttempt> find(String scanId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(scanId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? attempt(found.next()) : null;
        });
    }

    private static ScanAttempt attempt(Row row) {
        ScanAttempt attempt = new ScanAttempt();
        attempt.scanId = row.getString("scan_id");
        attempt.mode = ScanMode.valueOf(row.getString("mode"));
        attempt.venueId = row.getUUID("venue_id");
        attempt.operator = row.getString("operator");
        attempt.subjectId = row.getString("subject_id");
        attempt.province = row.getString("province");
        attempt.decision = Decision.valueOf(row.getString("decision"));
        String reason = row.getString("reason");
        attempt.reason = reason == null ? null : DenyReason.valueOf(reason);
        String colour = row.getString("colour_at_scan");
        attempt.colourAtScan = colour == null ? null : Colour.valueOf(colour);
        attempt.gold = row.getBoolean("gold");
        String source = row.getString("colour_source");
        attempt.colourSource = source == null ? null : ColourSource.valueOf(source);
        attempt.fingerprint = row.getString("fingerprint");
        attempt.at = row.getOffsetDateTime("at").toInstant();
        return attempt;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
