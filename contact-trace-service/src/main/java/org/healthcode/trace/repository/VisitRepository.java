package org.healthcode.trace.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.healthcode.kit.db.Columns;
import org.healthcode.kit.db.Rows;
import org.healthcode.trace.domain.Seat;
import org.healthcode.trace.domain.VenueType;
import org.healthcode.trace.domain.VenueWindow;
import org.healthcode.trace.domain.Visit;

/**
 * The visit index (scans, and transport manifests' passengers with their seats). A poll of scans
 * is written with one statement on the pool (a scan is one row,
 * idempotent by its scanId); tracing reads run in the case's transaction, each a set of index
 * ranges passed as arrays, so one statement serves any number of visits.
 */
@ApplicationScoped
public class VisitRepository {

    /** A scan to index: the visit it records, under its scanId, and the visitor's home province (or null). */
    public record Scanned(String scanId, Visit visit, String homeProvince) {

        public Scanned(String scanId, Visit visit) {
            this(scanId, visit, null);
        }
    }

    // A poll of scans in one statement; a scanId indexed before (or twice in the poll) is skipped.
    // Visitors' homes go to visitor_home in the same statement, one row per visitor (the latest
    // visit of the poll: ON CONFLICT DO UPDATE may touch a row once per statement).
    private static final String RECORD_ALL = """
            with home as (
                insert into visitor_home (subject_id, home_province, last_visit_at)
                select distinct on (u.subject_id) u.subject_id, u.home, cast(u.at as timestamptz)
                from unnest(cast($3 as text[]), cast($6 as text[]), cast($1 as text[])) as u(subject_id, home, at)
                where u.home is not null
                order by u.subject_id, cast(u.at as timestamptz) desc
                on conflict (subject_id) do update set home_province = excluded.home_province,
                    last_visit_at = greatest(visitor_home.last_visit_at, excluded.last_visit_at))
            insert into visit (at, venue_id, subject_id, venue_type, scan_id, seat)
            select cast(u.at as timestamptz), cast(u.venue_id as uuid), u.subject_id, u.venue_type, u.scan_id, u.seat
            from unnest(cast($1 as text[]), cast($2 as text[]), cast($3 as text[]), cast($4 as text[]),
                        cast($5 as text[]), cast($7 as text[])) as u(at, venue_id, subject_id, venue_type, scan_id, seat)
            on conflict do nothing""";

    // Each subject's visits from their own start until the end: one (subject_id, at) range each.
    // The constant bounds let the planner skip whole partitions.
    private static final String OF_SUBJECTS = """
            select v.at, v.venue_id, v.subject_id, v.venue_type, v.seat
            from (select u.subject_id, cast(u.since as timestamptz) as since
                  from unnest(cast(?1 as text[]), cast(?2 as text[])) as u(subject_id, since)) s
            join visit v on v.subject_id = s.subject_id and v.at >= s.since and v.at <= ?3
            where v.at >= ?4 and v.at <= ?3""";

    // Every visit within the given stretches of the given venues: one (venue_id, at) range each.
    // Public for the benchmark, which EXPLAINs it against ten million visits.
    public static final String WITHIN = """
            select v.at, v.venue_id, v.subject_id, v.venue_type, v.seat
            from (select cast(u.venue_id as uuid) as venue_id, cast(u.lo as timestamptz) as lo,
                         cast(u.hi as timestamptz) as hi
                  from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[])) as u(venue_id, lo, hi)) w
            join visit v on v.venue_id = w.venue_id and v.at >= w.lo and v.at <= w.hi
            where v.at >= ?4 and v.at <= ?5""";

    private final Pool pool;

    public VisitRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Indexes the scans whose scanId is not indexed yet, with one statement committed on its own;
     * answers how many were new.
     */
    public Uni<Integer> recordAll(List<Scanned> scans) {
        if (scans.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[][] columns = Columns.of(scans, scan -> scan.visit().at().toString(),
                scan -> scan.visit().venueId().toString(), scan -> scan.visit().subjectId(),
                scan -> scan.visit().venueType().name(), Scanned::scanId, Scanned::homeProvince,
                scan -> scan.visit().seat() == null ? null : scan.visit().seat().toString());
        return pool.preparedQuery(RECORD_ALL)
                .execute(Tuple.from(List.<Object>of(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5],
                        columns[6])))
                .map(result -> result.rowCount());
    }

    /** The visits of each subject from their given instant until {@code until}, both included. */
    public Uni<List<Visit>> ofSubjects(Map<String, Instant> since, Instant until) {
        if (since.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] subjects = since.keySet().toArray(String[]::new);
        String[] starts = new String[subjects.length];
        Instant earliest = until;
        for (int i = 0; i < subjects.length; i++) {
            Instant start = since.get(subjects[i]);
            starts[i] = start.toString();
            earliest = start.isBefore(earliest) ? start : earliest;
        }
        Instant lowest = earliest;
        return Panache.getSession().chain(session -> session.createNativeQuery(OF_SUBJECTS, Object[].class)
                .setParameter(1, subjects)
                .setParameter(2, starts)
                .setParameter(3, until)
                .setParameter(4, lowest)
                .getResultList())
                .map(VisitRepository::visits);
    }

    /** Every visit within the windows (both ends included). */
    public Uni<List<Visit>> within(Collection<VenueWindow> windows) {
        if (windows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = windows.size();
        String[] venues = new String[n];
        String[] froms = new String[n];
        String[] tos = new String[n];
        Instant lowest = null;
        Instant highest = null;
        int i = 0;
        for (VenueWindow w : windows) {
            venues[i] = w.venueId().toString();
            froms[i] = w.from().toString();
            tos[i] = w.to().toString();
            lowest = lowest == null || w.from().isBefore(lowest) ? w.from() : lowest;
            highest = highest == null || w.to().isAfter(highest) ? w.to() : highest;
            i++;
        }
        Instant low = lowest;
        Instant high = highest;
        return Panache.getSession().chain(session -> session.createNativeQuery(WITHIN, Object[].class)
                .setParameter(1, venues)
                .setParameter(2, froms)
                .setParameter(3, tos)
                .setParameter(4, low)
                .setParameter(5, high)
                .getResultList())
                .map(VisitRepository::visits);
    }

    private static List<Visit> visits(List<Object[]> rows) {
        return rows.stream()
                .map(row -> new Visit(Rows.text(row[2]), Rows.uuid(row[1]), VenueType.valueOf(Rows.text(row[3])),
                        Rows.instant(row[0]), Seat.parse(Rows.text(row[4]))))
                .toList();
    }
}
