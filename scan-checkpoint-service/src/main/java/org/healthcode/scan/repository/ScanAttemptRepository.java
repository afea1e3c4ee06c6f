package org.healthcode.scan.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.healthcode.scan.domain.ScanAttempt;

@ApplicationScoped
@WithSession
public class ScanAttemptRepository implements PanacheRepositoryBase<ScanAttempt, String> {

    // "on conflict do nothing": a concurrent retry of the same scan id waits for the first and
    // then inserts nothing, instead of failing the transaction.
    private static final String INSERT_IF_ABSENT = """
            insert into scan_attempt (scan_id, mode, venue_id, operator, subject_id, province, decision, reason,
                                      colour_at_scan, gold, fingerprint, at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as timestamptz))
            on conflict (scan_id) do nothing""";

    /** Records the attempt unless its scan id is already recorded; answers whether it was. */
    public Uni<Boolean> insertIfAbsent(ScanAttempt attempt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_IF_ABSENT)
                .setParameter(1, attempt.scanId)
                .setParameter(2, attempt.mode.name())
                .setParameter(3, attempt.venueId)
                .setParameter(4, attempt.operator)
                .setParameter(5, attempt.subjectId)
                .setParameter(6, attempt.province)
                .setParameter(7, attempt.decision.name())
                .setParameter(8, attempt.reason == null ? null : attempt.reason.name())
                .setParameter(9, attempt.colourAtScan == null ? null : attempt.colourAtScan.name())
                .setParameter(10, attempt.gold)
                .setParameter(11, attempt.fingerprint)
                .setParameter(12, attempt.at)
                .executeUpdate())
                .map(rows -> rows > 0);
    }
}
