package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class RiskStateRepository implements PanacheRepositoryBase<RiskStateRow, String> {

    /**
     * Creates, with one statement, uncoloured states for those subjects who have none yet;
     * existing states are left as they are, and one that another transaction is creating makes
     * this one wait for it instead of failing.
     */
    public Uni<Integer> createMissing(List<String> subjectIds) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into risk_state (subject_id)
                select u.id from unnest(cast(?1 as text[])) as u(id) order by u.id
                on conflict do nothing""")
                .setParameter(1, subjectIds.toArray(String[]::new))
                .executeUpdate());
    }

    /**
     * These subjects' states, locked until the transaction ends, taken in subject order so that two
     * transactions locking overlapping sets never deadlock. Subjects without a state are left out.
     */
    public Uni<List<RiskStateRow>> forUpdate(Collection<String> subjectIds) {
        return find("subjectId in ?1 order by subjectId", subjectIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
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

    /**
     * Makes every subject of the province due for review at {@code at} (a new rule version takes
     * effect then), unless they are due earlier already.
     */
    public Uni<Integer> markProvinceDue(String province, Instant at) {
        return getSession().chain(session -> session.createNativeQuery("""
                update risk_state set next_review_at = ?1
                where province = ?2 and (next_review_at is null or next_review_at > ?1)""")
                .setParameter(1, at)
                .setParameter(2, province)
                .executeUpdate());
    }

    /** Up to {@code limit} coloured subjects of the province after {@code after} (null: from the first), by subject. */
    public Uni<List<RiskStateRow>> ofProvince(String province, String after, int limit) {
        return find("province = ?1 and colour is not null and subjectId > ?2 order by subjectId", province,
                after == null ? "" : after).page(0, limit).list();
    }
}
