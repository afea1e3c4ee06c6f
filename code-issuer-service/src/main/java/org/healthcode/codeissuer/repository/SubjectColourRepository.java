package org.healthcode.codeissuer.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.db.Columns;
import org.healthcode.kit.event.EventBatch;
import java.time.Instant;
import java.util.List;
import org.healthcode.codeissuer.domain.SubjectColour;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.domain.Reason;

@ApplicationScoped
public class SubjectColourRepository implements PanacheRepositoryBase<SubjectColour, String> {

    // One statement for a whole batch, so two deliveries racing for a new subject cannot both
    // insert, and an event evaluated before the stored one (a late or reordered delivery) changes
    // nothing.
    private static final String RECORD_IF_NEWER = """
            insert into subject_colour
                (subject_id, colour, gold, reasons, valid_until, quarantine_until, evaluated_at, updated_at)
            select u.subject_id, u.colour, cast(u.gold as boolean), u.reasons, cast(u.valid_until as timestamptz),
                   cast(u.quarantine_until as timestamptz), cast(u.evaluated_at as timestamptz), ?1
            from unnest(cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]),
                        cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]))
                 as u(subject_id, colour, gold, reasons, valid_until, quarantine_until, evaluated_at)
            on conflict (subject_id) do update set
                colour = excluded.colour, gold = excluded.gold, reasons = excluded.reasons,
                valid_until = excluded.valid_until, quarantine_until = excluded.quarantine_until,
                evaluated_at = excluded.evaluated_at, updated_at = excluded.updated_at
            where subject_colour.evaluated_at <= excluded.evaluated_at""";

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    // Every code shown and every online verification reads this row: one prepared statement on the
    // pool, no ORM session or entity on the way.
    private static final String CURRENT = """
            select colour, gold, reasons, valid_until, quarantine_until, evaluated_at
            from subject_colour where subject_id = $1""";

    private static final String CURRENT_OF = """
            select subject_id, colour, gold, reasons, valid_until, quarantine_until, evaluated_at
            from subject_colour where subject_id = any($1) order by subject_id""";

    private final ObjectMapper json;
    private final Pool pool;

    public SubjectColourRepository(ObjectMapper json, Pool pool) {
        this.json = json;
        this.pool = pool;
    }

    /**
     * Stores each subject's latest colour of the list unless a later evaluation is already stored;
     * answers how many were stored.
     */
    @WithSession
    public Uni<Integer> recordAllIfNewer(List<CurrentColour> colours, Instant now) {
        List<CurrentColour> latest = EventBatch.latestOfEach(colours, CurrentColour::subjectId, CurrentColour::evaluatedAt);
        String[][] columns;
        try {
            columns = Columns.of(latest, CurrentColour::subjectId, colour -> colour.colour().name(),
                    colour -> Boolean.toString(colour.gold()), this::reasons, colour -> text(colour.validUntil()),
                    colour -> text(colour.quarantineUntil()), colour -> text(colour.evaluatedAt()));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(RECORD_IF_NEWER).setParameter(1, now);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 2, columns[c]);
            }
            return query.executeUpdate();
        });
    }

    private String reasons(CurrentColour colour) {
        try {
            return json.writeValueAsString(colour.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reasons not serialisable");
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The subject's current colour, or null before any has arrived. */
    public Uni<CurrentColour> current(String subjectId) {
        return pool.preparedQuery(CURRENT).execute(Tuple.of(subjectId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? toDomain(subjectId, found.next()) : null;
        });
    }

    /** The current colours of those of these subjects that have one. */
    public Uni<List<CurrentColour>> currentOf(List<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(CURRENT_OF).execute(Tuple.tuple().addArrayOfString(subjectIds.toArray(String[]::new))).map(rows -> {
            List<CurrentColour> found = new java.util.ArrayList<>();
            for (Row row : rows) {
                found.add(toDomain(row.getString("subject_id"), row));
            }
            return found;
        });
    }

    private CurrentColour toDomain(String subjectId, Row row) {
        List<Reason> reasons;
        try {
            reasons = json.readValue(row.getString("reasons"), REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons unreadable");
        }
        return new CurrentColour(subjectId, Colour.valueOf(row.getString("colour")), row.getBoolean("gold"), reasons,
                instant(row, "valid_until"), instant(row, "quarantine_until"), instant(row, "evaluated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
