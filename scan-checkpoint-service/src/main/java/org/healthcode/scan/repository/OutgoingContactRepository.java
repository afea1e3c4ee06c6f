package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.healthcode.kit.db.Columns;
import org.healthcode.scan.domain.FederationContact;

/**
 * Findings to send to visitors' home provinces ({@code federation_contact_outgoing}): queued in the
 * consumer's transaction, then leased, sent and settled by {@code ContactSender} on the pool, so that
 * no transaction waits for another province.
 */
@ApplicationScoped
public class OutgoingContactRepository {

    /** A finding for {@code homeProvince}. */
    public record Outgoing(String homeProvince, FederationContact contact) {
    }

    /** A queued finding as leased for a send: how many times it was tried before. */
    public record Due(String homeProvince, FederationContact contact, int attempts) {
    }

    // A redelivered contact-identified, or the same finding twice in a poll, queues nothing new.
    private static final String QUEUE = """
            insert into federation_contact_outgoing (finding_id, home_province, subject_id, degree, exposure,
                    overlap_from, overlap_to, last_exposure, status, next_attempt_at, created_at)
            select u.finding_id, u.home, u.subject_id, cast(u.degree as smallint), u.exposure,
                   cast(u.overlap_from as timestamptz), cast(u.overlap_to as timestamptz),
                   cast(u.last_exposure as timestamptz), 'PENDING', ?1, ?1
            from unnest(cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]),
                        cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]), cast(?9 as text[]))
                 as u(finding_id, home, subject_id, degree, exposure, overlap_from, overlap_to, last_exposure)
            on conflict (finding_id) do nothing""";

    // The due findings, oldest first, leased by moving their next attempt past the lease: another
    // instance skips them (SKIP LOCKED now, the time later) while this one sends them.
    private static final String LEASE = """
            update federation_contact_outgoing o set next_attempt_at = $2
            from (select finding_id from federation_contact_outgoing
                  where status = 'PENDING' and next_attempt_at <= $1
                  order by next_attempt_at limit $3 for update skip locked) due
            where o.finding_id = due.finding_id
            returning o.finding_id, o.home_province, o.subject_id, o.degree, o.exposure, o.overlap_from,
                      o.overlap_to, o.last_exposure, o.attempts""";

    private static final String SETTLE = """
            update federation_contact_outgoing set status = $2, attempts = attempts + 1, last_outcome = $3,
                   done_at = $4, next_attempt_at = coalesce($5, next_attempt_at)
            where finding_id = $1""";

    private final Pool pool;
    private final Clock clock;

    public OutgoingContactRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Queues the findings in the caller's transaction; one already queued is left as it is. */
    public Uni<Void> queueAll(List<Outgoing> findings) {
        if (findings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[][] columns = Columns.of(findings, f -> f.contact().findingId(), Outgoing::homeProvince,
                f -> f.contact().subjectId(), f -> Integer.toString(f.contact().degree()), f -> f.contact().exposure(),
                f -> f.contact().overlapFrom().toString(), f -> f.contact().overlapTo().toString(),
                f -> f.contact().lastExposure().toString());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(QUEUE).setParameter(1, clock.instant());
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 2, columns[c]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** Leases up to {@code limit} findings due at {@code now} until {@code leasedUntil}. */
    public Uni<List<Due>> lease(Instant now, Instant leasedUntil, int limit) {
        return pool.preparedQuery(LEASE).execute(Tuple.of(utc(now), utc(leasedUntil), limit)).map(rows -> {
            List<Due> due = new ArrayList<>();
            for (Row row : rows) {
                due.add(new Due(row.getString("home_province"), new FederationContact(row.getString("finding_id"),
                        row.getString("subject_id"), row.getShort("degree"), row.getString("exposure"),
                        row.getOffsetDateTime("overlap_from").toInstant(), row.getOffsetDateTime("overlap_to").toInstant(),
                        row.getOffsetDateTime("last_exposure").toInstant()), row.getInteger("attempts")));
            }
            return due;
        });
    }

    /** The home acknowledged the finding ({@code SENT}) or refused it for good ({@code FAILED}). */
    public Uni<Void> done(String findingId, String status, String outcome, Instant at) {
        return pool.preparedQuery(SETTLE).execute(Tuple.of(findingId, status, outcome, utc(at), null)).replaceWithVoid();
    }

    /** No acknowledgement: the finding stays PENDING and is tried again at {@code next}. */
    public Uni<Void> retryAt(String findingId, String outcome, Instant next) {
        return pool.preparedQuery(SETTLE).execute(Tuple.of(findingId, "PENDING", outcome, null, utc(next)))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
