package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.healthcode.kit.db.Rows;
import org.healthcode.risk.domain.RuleSet;

/**
 * The rule set in force for a province: its own latest effective version, else the latest
 * effective version for any province ('*'). A version never changes once written, so parsed
 * versions are kept.
 */
@ApplicationScoped
public class RuleSetRepository {

    /** A stored version; {@code definition} as JSON text, {@code publishedBy} null for the migrations' versions. */
    public record Stored(String province, int version, Instant effectiveFrom, String definition, Instant publishedAt,
            String publishedBy) {
    }

    private static final String CURRENT = """
            select province, version, cast(definition as text) from rule_set
            where province in (?1, '*') and effective_from <= ?2
            order by case when province = '*' then 1 else 0 end, version desc
            limit 1""";

    private final Map<String, RuleSet> parsed = new ConcurrentHashMap<>();

    public Uni<RuleSet> current(String province, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CURRENT, Object[].class)
                .setParameter(1, province == null ? "*" : province)
                .setParameter(2, now)
                .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new IllegalStateException("no rule set in force"))
                .map(row -> parsed.computeIfAbsent(row[0] + "/" + row[1],
                        key -> RuleSet.fromJson(((Number) row[1]).intValue(), (String) row[2])));
    }

    /**
     * When the rules of a province (or of every province without its own) next change after
     * {@code now}: the earliest scheduled version that could apply to it; null when none is.
     */
    public Uni<Instant> nextChange(String province, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select min(effective_from) from rule_set where province in (?1, '*') and effective_from > ?2""",
                        Object.class)
                .setParameter(1, province == null ? "*" : province)
                .setParameter(2, now)
                .getSingleResultOrNull())
                .map(Rows::instant);
    }

    /** The longest look-back of any rule set in force, in days. */
    public Uni<Integer> longestLookBackDays(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select max(cast(definition ->> 'lookBackDays' as integer)) from rule_set
                where effective_from <= ?1""", Integer.class)
                .setParameter(1, now)
                .getSingleResult());
    }

    /** Every version of the province and of '*', oldest effective first. */
    public Uni<List<Stored>> versions(String province) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select province, version, effective_from, cast(definition as text), created_at, published_by
                from rule_set where province in (?1, '*') order by effective_from, version""", Object[].class)
                .setParameter(1, province)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Stored((String) row[0], ((Number) row[1]).intValue(),
                        Rows.instant(row[2]), (String) row[3], Rows.instant(row[4]), (String) row[5])).toList());
    }

    /**
     * Makes publications wait for one another until this transaction ends (readers are not held
     * up), so that two authorities publishing at once never take the same version number.
     */
    public Uni<Void> lockForPublication() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("lock table rule_set in share row exclusive mode").executeUpdate())
                .replaceWithVoid();
    }

    /** Adds a version in the current transaction. */
    public Uni<Void> insert(String province, int version, Instant effectiveFrom, String definition, String publishedBy,
            Instant publishedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into rule_set (province, version, effective_from, definition, published_by, created_at)
                values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb), ?5, ?6)""")
                .setParameter(1, province)
                .setParameter(2, version)
                .setParameter(3, effectiveFrom)
                .setParameter(4, definition)
                .setParameter(5, publishedBy)
                .setParameter(6, publishedAt)
                .executeUpdate())
                .replaceWithVoid();
    }
}
