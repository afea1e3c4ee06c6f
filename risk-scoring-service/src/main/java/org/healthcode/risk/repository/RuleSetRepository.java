package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.healthcode.risk.domain.RuleSet;

/**
 * The rule set in force for a province: its own latest effective version, else the latest
 * effective version for any province ('*'). A version never changes once written, so parsed
 * versions are kept.
 */
@ApplicationScoped
public class RuleSetRepository {

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

    /** The longest look-back of any rule set in force, in days. */
    public Uni<Integer> longestLookBackDays(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select max(cast(definition ->> 'lookBackDays' as integer)) from rule_set
                where effective_from <= ?1""", Integer.class)
                .setParameter(1, now)
                .getSingleResult());
    }
}
