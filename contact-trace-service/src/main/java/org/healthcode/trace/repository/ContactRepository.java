package org.healthcode.trace.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.kit.db.Columns;
import org.healthcode.kit.db.Rows;
import org.healthcode.trace.domain.Exposure;

@ApplicationScoped
@WithSession
public class ContactRepository {

    /**
     * A stored contact of a case. {@code homeProvince}: a visitor's home province, null for this
     * province's people; it is read back, never written from here (the insert looks it up).
     */
    public record StoredContact(UUID traceId, String contactSubjectId, String sourceSubjectId, int degree,
            Exposure exposure, UUID venueId, Instant overlapFrom, Instant overlapTo, String homeProvince) {
    }

    // One statement for all of a trace's contacts; the unique (case_id, contact_subject_id) key
    // drops those found before, and RETURNING names exactly the new ones, each with the home
    // province of a contact who is a visitor here (visitor_home; null for this province's people).
    private static final String INSERT_NEW = """
            insert into contact (trace_id, case_id, contact_subject_id, source_subject_id, degree, exposure, venue_id,
                                 overlap_from, overlap_to, identified_at, home_province)
            select cast(u.trace_id as uuid), ?1, u.contact, u.source, cast(u.degree as smallint), u.exposure,
                   cast(u.venue_id as uuid), cast(u.overlap_from as timestamptz), cast(u.overlap_to as timestamptz), ?2,
                   h.home_province
            from unnest(cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]),
                        cast(?7 as text[]), cast(?8 as text[]), cast(?9 as text[]), cast(?10 as text[]))
                 as u(trace_id, contact, source, degree, exposure, venue_id, overlap_from, overlap_to)
            left join visitor_home h on h.subject_id = u.contact
            on conflict on constraint contact_once do nothing
            returning trace_id, home_province""";

    private static final String COLUMNS = "trace_id, contact_subject_id, source_subject_id, degree, exposure, venue_id, "
            + "overlap_from, overlap_to, home_province";

    /**
     * Stores the contacts not stored for the case before; answers the trace ids of those it stored,
     * each with the contact's home province when they are a visitor from another (else null).
     */
    public Uni<Map<UUID, String>> insertNew(UUID caseId, List<StoredContact> contacts, Instant identifiedAt) {
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[][] columns = Columns.of(contacts, c -> c.traceId().toString(), StoredContact::contactSubjectId,
                StoredContact::sourceSubjectId, c -> Integer.toString(c.degree()), c -> c.exposure().name(),
                c -> c.venueId().toString(), c -> c.overlapFrom().toString(), c -> c.overlapTo().toString());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT_NEW, Object[].class)
                    .setParameter(1, caseId)
                    .setParameter(2, identifiedAt);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 3, columns[c]);
            }
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, String> stored = new HashMap<>();
            rows.forEach(row -> stored.put(Rows.uuid(row[0]), Rows.text(row[1])));
            return stored;
        });
    }

    /** A page of the case's contacts: by degree, then by the start of the overlap. */
    public Uni<List<StoredContact>> page(UUID caseId, int page, int size) {
        return list("select " + COLUMNS + " from contact where case_id = ?1 "
                + "order by degree, overlap_from, contact_subject_id limit ?2 offset ?3",
                caseId, size, (long) page * size);
    }

    /** Every contact of the case, in the same order. */
    public Uni<List<StoredContact>> all(UUID caseId) {
        return list("select " + COLUMNS + " from contact where case_id = ?1 "
                + "order by degree, overlap_from, contact_subject_id", caseId);
    }

    public Uni<Long> count(UUID caseId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from contact where case_id = ?1", Long.class)
                .setParameter(1, caseId)
                .getSingleResult());
    }

    private Uni<List<StoredContact>> list(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(ContactRepository::toContact).toList());
    }

    private static StoredContact toContact(Object[] row) {
        return new StoredContact(Rows.uuid(row[0]), Rows.text(row[1]), Rows.text(row[2]), Rows.integer(row[3]),
                Exposure.valueOf(Rows.text(row[4])), Rows.uuid(row[5]), Rows.instant(row[6]), Rows.instant(row[7]),
                Rows.text(row[8]));
    }
}
