package org.healthcode.kit.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.db.Columns;

/**
 * The service's append-only audit trail (table {@code audit_entry}, a kit migration).
 *
 * <p>A read or a refusal is recorded on its own ({@link #record}, {@link #recordAll}), committed at
 * once, whatever becomes of the request; a change is recorded in the transaction that makes it
 * ({@link #recordWithin}, {@link #recordAllWithin}), so that there is never one without the other.
 */
@ApplicationScoped
public class AuditTrail {

    // Many entries in one statement: a text array per column, unnested in order.
    private static final String INSERT_ALL = """
            insert into audit_entry (at, actor, action, outcome, subject_id, object, province, detail)
            select cast(u.at as timestamptz), u.actor, u.action, u.outcome, u.subject_id, u.object, u.province, u.detail
            from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),
                        cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]))
                 with ordinality as u(at, actor, action, outcome, subject_id, object, province, detail, n)
            order by u.n""";

    // The same with the pool's $n markers: read lines are written outside any transaction of the caller.
    private static final String INSERT_ALL_NOW = INSERT_ALL.replaceAll("\\?(\\d)", "\\$$1");

    private final Pool pool;
    private final GroupCommit<AuditEntry> reads;

    public AuditTrail(Pool pool) {
        this.pool = pool;
        // two statements at a time: one committing while the next gathers
        this.reads = new GroupCommit<>(2, this::insertNow);
    }

    /**
     * Records a read or a refusal, outside any transaction of the caller; completes once it is
     * committed. Lines recorded at the same moment by other requests share its statement.
     */
    public Uni<Void> record(AuditEntry entry) {
        return reads.add(List.of(entry));
    }

    /** Records many reads at once, as {@link #record} does one. */
    public Uni<Void> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return reads.add(entries);
    }

    private Uni<Void> insertNow(List<AuditEntry> entries) {
        String[][] columns = columns(entries);
        Tuple values = Tuple.tuple();
        for (String[] column : columns) {
            values.addValue(column);
        }
        return pool.preparedQuery(INSERT_ALL_NOW).execute(values).replaceWithVoid();
    }

    private static String[][] columns(List<AuditEntry> entries) {
        return Columns.of(entries, entry -> entry.at().toString(), AuditEntry::actor, AuditEntry::action,
                entry -> entry.outcome().name(), AuditEntry::subjectId, AuditEntry::object, AuditEntry::province,
                AuditEntry::detail);
    }

    /** Records a change inside the caller's (Hibernate Reactive) transaction. */
    public Uni<Void> recordWithin(AuditEntry entry) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into audit_entry (at, actor, action, outcome, subject_id, object, province, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, entry.at())
                .setParameter(2, entry.actor())
                .setParameter(3, entry.action())
                .setParameter(4, entry.outcome().name())
                .setParameter(5, entry.subjectId())
                .setParameter(6, entry.object())
                .setParameter(7, entry.province())
                .setParameter(8, entry.detail())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Records many changes inside the caller's transaction with one statement (a case's thousand
     * contacts change a thousand states in one transaction).
     */
    public Uni<Void> recordAllWithin(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[][] columns = columns(entries);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT_ALL);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 1, columns[c]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * Entries matching every given filter (null: any), oldest first, at most {@code limit}.
     * {@code province} non-null keeps that province's entries and those of no province.
     */
    public Uni<List<AuditEntry>> find(String subjectId, String actor, Instant from, Instant to, String province,
            int limit) {
        return pool.preparedQuery("""
                select at, actor, action, outcome, subject_id, object, province, detail from audit_entry
                where ($1::text is null or subject_id = $1) and ($2::text is null or actor = $2)
                  and ($3::timestamptz is null or at >= $3) and ($4::timestamptz is null or at < $4)
                  and ($5::text is null or province is null or province = $5)
                order by at, seq limit $6""")
                .execute(Tuple.tuple().addValue(subjectId).addValue(actor).addValue(utc(from)).addValue(utc(to))
                        .addValue(province).addValue(limit))
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new AuditEntry(row.getOffsetDateTime("at").toInstant(), row.getString("actor"),
                                row.getString("action"), Outcome.valueOf(row.getString("outcome")),
                                row.getString("subject_id"), row.getString("object"), row.getString("province"),
                                row.getString("detail")));
                    }
                    return entries;
                });
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
