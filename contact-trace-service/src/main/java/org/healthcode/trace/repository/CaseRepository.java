package org.healthcode.trace.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.healthcode.kit.db.Columns;
import org.healthcode.kit.db.Rows;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.domain.TraceCase;
import org.healthcode.trace.domain.Visit;

@ApplicationScoped
@WithSession
public class CaseRepository {

    private static final String COLUMNS = "id, subject_id, province, status, onset_date, region_code, confirmed_at, "
            + "status_changed_at, created_at";

    // Per visit: its subject, and everyone at its venue within reach of it, each with the earliest
    // confirmation the visit can reach (computed once for the poll). A confirmed case is reachable
    // when one of them is the case or one of its degree-1 contacts.
    private static final String REACHABLE = """
            with scanned as (
                select u.subject_id, cast(u.venue_id as uuid) as venue_id, cast(u.lo as timestamptz) as lo,
                       cast(u.hi as timestamptz) as hi
                from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]))
                     as u(subject_id, venue_id, lo, hi)),
            near as materialized (
                select s.subject_id, s.lo from scanned s
                union all
                select v.subject_id, s.lo from scanned s
                join visit v on v.venue_id = s.venue_id and v.at >= s.lo and v.at <= s.hi
                where v.at >= ?5 and v.at <= ?6)
            """ + "select " + COLUMNS + """
             from trace_case c
            where c.status = 'CONFIRMED' and c.confirmed_at >= ?5
              and exists (select 1 from near n
                          where c.confirmed_at >= n.lo
                            and (n.subject_id = c.subject_id
                                 or exists (select 1 from contact k where k.case_id = c.id and k.degree = 1
                                                                      and k.contact_subject_id = n.subject_id)))
            order by c.id
            for update of c""";

    /** The subject's open case in the province, locked until the transaction ends; null if none. */
    public Uni<TraceCase> lockOpen(String subjectId, String province) {
        return one("select " + COLUMNS + " from trace_case where subject_id = ?1 and province = ?2 "
                + "and status <> 'CLEARED' for update", subjectId, province);
    }

    /** The subject's most recent case in the province (open or not); null if none. */
    public Uni<TraceCase> latest(String subjectId, String province) {
        return one("select " + COLUMNS + " from trace_case where subject_id = ?1 and province = ?2 "
                + "order by status_changed_at desc limit 1", subjectId, province);
    }

    public Uni<TraceCase> find(UUID id) {
        return one("select " + COLUMNS + " from trace_case where id = ?1", id);
    }

    /**
     * The confirmed cases whose trace one of the visits could reach, locked until the transaction
     * ends: confirmed at most {@code reach} before the visit, with the visit's subject or someone at
     * its venue within {@code reach} of it being the case or one of its degree-1 contacts. A cheap
     * filter; the trace itself applies the exact windows.
     */
    public Uni<List<TraceCase>> lockReachableBy(List<Visit> visits, Duration reach) {
        if (visits.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[][] columns = Columns.of(visits, Visit::subjectId, visit -> visit.venueId().toString(),
                visit -> visit.at().minus(reach).toString(), visit -> visit.at().plus(reach).toString());
        Instant from = visits.stream().map(Visit::at).min(Comparator.naturalOrder()).orElseThrow().minus(reach);
        Instant to = visits.stream().map(Visit::at).max(Comparator.naturalOrder()).orElseThrow().plus(reach);
        return Panache.getSession().chain(session -> session.createNativeQuery(REACHABLE, Object[].class)
                .setParameter(1, columns[0])
                .setParameter(2, columns[1])
                .setParameter(3, columns[2])
                .setParameter(4, columns[3])
                .setParameter(5, from)
                .setParameter(6, to)
                .getResultList())
                .map(rows -> rows.stream().map(CaseRepository::toCase).toList());
    }

    /**
     * Orders tracing against late visits (see LateVisitTracing): a trace holds this exclusively,
     * a late visit's look for reachable cases holds it shared. Either the look sees the case, or the
     * trace sees the visit.
     */
    public Uni<Void> holdTracing(boolean exclusive) {
        String sql = exclusive ? "select pg_advisory_xact_lock(hashtext('contact_trace.tracing'))"
                : "select pg_advisory_xact_lock_shared(hashtext('contact_trace.tracing'))";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object.class).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Opens a case unless the subject has an open one in the province already (another request
     * got there first); answers whether it did.
     */
    public Uni<Boolean> open(TraceCase c) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into trace_case (""" + COLUMNS + """
                ) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (subject_id, province) where status <> 'CLEARED' do nothing""")
                .setParameter(1, c.id())
                .setParameter(2, c.subjectId())
                .setParameter(3, c.province())
                .setParameter(4, c.status().name())
                .setParameter(5, c.onsetDate())
                .setParameter(6, c.regionCode())
                .setParameter(7, c.confirmedAt())
                .setParameter(8, c.statusChangedAt())
                .setParameter(9, c.createdAt())
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    public Uni<Void> update(TraceCase c) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update trace_case set status = ?2, onset_date = ?3, region_code = ?4, confirmed_at = ?5,
                    status_changed_at = ?6
                where id = ?1""")
                .setParameter(1, c.id())
                .setParameter(2, c.status().name())
                .setParameter(3, c.onsetDate())
                .setParameter(4, c.regionCode())
                .setParameter(5, c.confirmedAt())
                .setParameter(6, c.statusChangedAt())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Appends to the case's decision log: who decided what, when, and whether it was published. */
    public Uni<Void> logDecision(TraceCase c, CaseStatus status, String decidedBy, Instant at, boolean published) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into case_decision (case_id, status, onset_date, decided_by, decided_at, published)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, c.id())
                .setParameter(2, status.name())
                .setParameter(3, c.onsetDate())
                .setParameter(4, decidedBy)
                .setParameter(5, at)
                .setParameter(6, published)
                .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<TraceCase> one(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        }).map(rows -> rows.isEmpty() ? null : toCase(rows.get(0)));
    }

    private static TraceCase toCase(Object[] row) {
        return new TraceCase(Rows.uuid(row[0]), Rows.text(row[1]), Rows.text(row[2]),
                CaseStatus.valueOf(Rows.text(row[3])), Rows.date(row[4]), Rows.text(row[5]), Rows.instant(row[6]),
                Rows.instant(row[7]), Rows.instant(row[8]));
    }
}
