package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.healthcode.kit.db.Columns;
import org.healthcode.kit.event.EventBatch;
import org.healthcode.scan.domain.CurrentPaper;

/** Each subject's latest paper code, as paper-code-issued gave it. */
@ApplicationScoped
public class PaperCodeRepository {

    // One statement for a batch; an event of a print older than the stored one changes nothing.
    private static final String RECORD_IF_NEWER = """
            insert into paper_code (subject_id, paper_id, issued_at, updated_at)
            select u.subject_id, u.paper_id, cast(u.issued_at as timestamptz), ?1
            from unnest(cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[])) as u(subject_id, paper_id, issued_at)
            on conflict (subject_id) do update set
                paper_id = excluded.paper_id, issued_at = excluded.issued_at, updated_at = excluded.updated_at
            where paper_code.issued_at <= excluded.issued_at""";

    private static final String CURRENT = "select paper_id, issued_at from paper_code where subject_id = $1";

    private final Pool pool;

    public PaperCodeRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores each subject's newest print of the list unless a later one is already stored. */
    @WithSession
    public Uni<Integer> recordAllIfNewer(List<CurrentPaper> papers, Instant now) {
        List<CurrentPaper> latest = EventBatch.latestOfEach(papers, CurrentPaper::subjectId, CurrentPaper::issuedAt);
        String[][] columns = Columns.of(latest, CurrentPaper::subjectId, CurrentPaper::paperId,
                paper -> paper.issuedAt().toString());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(RECORD_IF_NEWER).setParameter(1, now);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 2, columns[c]);
            }
            return query.executeUpdate();
        });
    }

    /** The subject's latest print known here, or null when none has arrived. */
    public Uni<CurrentPaper> current(String subjectId) {
        return pool.preparedQuery(CURRENT).execute(Tuple.of(subjectId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return null;
            }
            Row row = found.next();
            return new CurrentPaper(subjectId, row.getString("paper_id"),
                    row.getOffsetDateTime("issued_at").toInstant());
        });
    }
}
