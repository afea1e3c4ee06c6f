package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.db.Columns;
import org.healthcode.kit.event.EventBatch;
import java.time.Instant;
import java.util.List;
import org.healthcode.scan.domain.CurrentColour;
import org.healthcode.scan.domain.SubjectColour;

@ApplicationScoped
public class SubjectColourRepository implements PanacheRepositoryBase<SubjectColour, String> {

    // One statement for a whole batch, so two deliveries racing for a new subject cannot both
    // insert, and an event evaluated before the stored one (a late or reordered delivery) changes
    // nothing.
    private static final String RECORD_IF_NEWER = """
            insert into subject_colour (subject_id, colour, gold, province, evaluated_at, updated_at)
            select u.subject_id, u.colour, cast(u.gold as boolean), u.province, cast(u.evaluated_at as timestamptz), ?1
            from unnest(cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]),
                        cast(?6 as text[])) as u(subject_id, colour, gold, province, evaluated_at)
            on conflict (subject_id) do update set
                colour = excluded.colour, gold = excluded.gold, province = excluded.province,
                evaluated_at = excluded.evaluated_at, updated_at = excluded.updated_at
            where subject_colour.evaluated_at <= excluded.evaluated_at""";

    // Every scan reads this row: one prepared statement on the pool, no ORM session on the way.
    private static final String CURRENT = """
            select colour, gold, province, evaluated_at from subject_colour where subject_id = $1""";

    private final Pool pool;

    public SubjectColourRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores each subject's latest colour of the list unless a later evaluation is already stored;
     * answers how many were stored.
     */
    @WithSession
    public Uni<Integer> recordAllIfNewer(List<CurrentColour> colours, Instant now) {
        List<CurrentColour> latest = EventBatch.latestOfEach(colours, CurrentColour::subjectId, CurrentColour::evaluatedAt);
        String[][] columns = Columns.of(latest, CurrentColour::subjectId, colour -> colour.colour().name(),
                colour -> Boolean.toString(colour.gold()), CurrentColour::province,
                colour -> colour.evaluatedAt().toString());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(RECORD_IF_NEWER).setParameter(1, now);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 2, columns[c]);
            }
            return query.executeUpdate();
        });
    }

    /** The subject's current colour, or null when none has arrived. */
    public Uni<CurrentColour> current(String subjectId) {
        return pool.preparedQuery(CURRENT).execute(Tuple.of(subjectId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return null;
            }
            Row row = found.next();
            return new CurrentColour(subjectId, Colour.valueOf(row.getString("colour")), row.getBoolean("gold"),
                    row.getString("province"), row.getOffsetDateTime("evaluated_at").toInstant());
        });
    }
}
