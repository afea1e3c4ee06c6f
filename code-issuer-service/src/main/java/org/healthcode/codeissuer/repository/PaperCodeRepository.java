package org.healthcode.codeissuer.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Each subject's current paper code: one row, replaced by every new print. */
@ApplicationScoped
public class PaperCodeRepository {

    private static final String REPLACE = """
            insert into paper_code (subject_id, paper_id, issued_at, expires_at) values (?1, ?2, ?3, ?4)
            on conflict (subject_id) do update set
                paper_id = excluded.paper_id, issued_at = excluded.issued_at, expires_at = excluded.expires_at""";

    /** Makes {@code paperId} the subject's current print, in the current transaction. */
    public Uni<Void> replace(String subjectId, String paperId, Instant issuedAt, Instant expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(REPLACE)
                .setParameter(1, subjectId)
                .setParameter(2, paperId)
                .setParameter(3, OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC))
                .setParameter(4, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }
}
