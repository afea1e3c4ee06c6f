package org.healthcode.codeissuer.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.healthcode.codeissuer.SubjectColour;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.domain.Reason;

@ApplicationScoped
@WithSession
public class SubjectColourRepository implements PanacheRepositoryBase<SubjectColour, String> {

    // One statement, so two deliveries racing for a new subject cannot both insert, and an event
    // evaluated before the stored one (a late or reordered delivery) changes nothing.
    private static final String RECORD_IF_NEWER = """
            insert into subject_colour
                (subject_id, colour, gold, reasons, valid_until, quarantine_until, evaluated_at, updated_at)
            values (?1, ?2, ?3, ?4, cast(?5 as timestamptz), cast(?6 as timestamptz), cast(?7 as timestamptz),
                    cast(?8 as timestamptz))
            on conflict (subject_id) do update set
                colour = excluded.colour, gold = excluded.gold, reasons = excluded.reasons,
                valid_until = excluded.valid_until, quarantine_until = excluded.quarantine_until,
                evaluated_at = excluded.evaluated_at, updated_at = excluded.updated_at
            where subject_colour.evaluated_at <= excluded.evaluated_at""";

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public SubjectColourRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Stores the colour unless a later evaluation is already stored; answers whether it was stored. */
    public Uni<Boolean> recordIfNewer(CurrentColour colour, Instant now) {
        String reasons;
        try {
            reasons = json.writeValueAsString(colour.reasons());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("reasons not serialisable"));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_IF_NEWER)
                .setParameter(1, colour.subjectId())
                .setParameter(2, colour.colour().name())
                .setParameter(3, colour.gold())
                .setParameter(4, reasons)
                .setParameter(5, colour.validUntil())
                .setParameter(6, colour.quarantineUntil())
                .setParameter(7, colour.evaluatedAt())
                .setParameter(8, now)
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    /** The subject's current colour, or null before any has arrived. */
    public Uni<CurrentColour> current(String subjectId) {
        return findById(subjectId).map(row -> row == null ? null : toDomain(row));
    }

    private CurrentColour toDomain(SubjectColour row) {
        List<Reason> reasons;
        try {
            reasons = json.readValue(row.reasons, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons unreadable");
        }
        return new CurrentColour(row.subjectId, row.colour, row.gold, reasons, row.validUntil, row.quarantineUntil,
                row.evaluatedAt);
    }
}
