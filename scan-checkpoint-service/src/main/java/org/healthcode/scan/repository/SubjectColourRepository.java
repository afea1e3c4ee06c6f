package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.healthcode.scan.domain.CurrentColour;
import org.healthcode.scan.domain.SubjectColour;

@ApplicationScoped
@WithSession
public class SubjectColourRepository implements PanacheRepositoryBase<SubjectColour, String> {

    // One statement, so two deliveries racing for a new subject cannot both insert, and an event
    // evaluated before the stored one (a late or reordered delivery) changes nothing.
    private static final String RECORD_IF_NEWER = """
            insert into subject_colour (subject_id, colour, gold, province, evaluated_at, updated_at)
            values (?1, ?2, ?3, ?4, cast(?5 as timestamptz), cast(?6 as timestamptz))
            on conflict (subject_id) do update set
                colour = excluded.colour, gold = excluded.gold, province = excluded.province,
                evaluated_at = excluded.evaluated_at, updated_at = excluded.updated_at
            where subject_colour.evaluated_at <= excluded.evaluated_at""";

    /** Stores the colour unless a later evaluation is already stored; answers whether it was stored. */
    public Uni<Boolean> recordIfNewer(CurrentColour colour, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_IF_NEWER)
                .setParameter(1, colour.subjectId())
                .setParameter(2, colour.colour().name())
                .setParameter(3, colour.gold())
                .setParameter(4, colour.province())
                .setParameter(5, colour.evaluatedAt())
                .setParameter(6, now)
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    /** The subject's current colour, or null when none has arrived. */
    public Uni<CurrentColour> current(String subjectId) {
        return findById(subjectId).map(row -> row == null ? null : row.toCurrent());
    }
}
