package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
@WithSession
public class RiskStateRepository implements PanacheRepositoryBase<RiskStateRow, String> {

    /** The subject's state, locked until the transaction ends; null when there is none yet. */
    public Uni<RiskStateRow> forUpdate(String subjectId) {
        return findById(subjectId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Claims up to {@code limit} subjects due for review: locked for this transaction, skipping
     * those another replica (or a consumer) holds.
     */
    public Uni<List<String>> claimDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                select subject_id from risk_state where next_review_at <= ?1
                order by next_review_at limit ?2 for update skip locked""", String.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }

    /**
     * Makes every subject who declared a stay within {@code [fromCode, toCode]} ending on or after
     * {@code since} due for review now: one range scan of the travel index, one update.
     */
    public Uni<Integer> markTravellersDue(String fromCode, String toCode, LocalDate since, Instant now) {
        return getSession().chain(session -> session.createNativeQuery("""
                update risk_state set next_review_at = ?1
                where subject_id in (select t.subject_id from subject_travel t
                                     where t.region_code between ?2 and ?3 and t.to_date >= ?4)
                  and (next_review_at is null or next_review_at > ?1)""")
                .setParameter(1, now)
                .setParameter(2, fromCode)
                .setParameter(3, toCode)
                .setParameter(4, since)
                .executeUpdate());
    }
}
