package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The append-only log of staff looking people up by document: who, whom, why, when, where. */
@ApplicationScoped
public class IdCardAuditRepository {

    public static final String PURPOSE = "CHECKPOINT_ID_CARD";

    private static final String APPEND = """
            insert into id_card_audit (operator, operator_province, subject_id, venue_id, scan_id, purpose, at)
            values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as timestamptz))""";

    /** Adds a row in the current transaction. */
    public Uni<Void> append(String operator, String operatorProvince, String subjectId, UUID venueId, String scanId,
            Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(APPEND)
                .setParameter(1, operator)
                .setParameter(2, operatorProvince)
                .setParameter(3, subjectId)
                .setParameter(4, venueId)
                .setParameter(5, scanId)
                .setParameter(6, PURPOSE)
                .setParameter(7, at)
                .executeUpdate())
                .replaceWithVoid();
    }
}
