package org.healthcode.kit.governance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.governance.DataReport.TableCount;
import org.jboss.logging.Logger;

/**
 * Forgets personal data on schedule: rows past the retention period are purged every
 * {@code healthcode.retention.check-every}; at the end of the emergency an admin destroys all of
 * it. Both run in one transaction and write what they did to the audit trail, which a
 * destruction empties first, keeping only that it happened.
 *
 * <p>Every instance of a service runs the schedule on its own timer, yet the purge runs once per
 * period: under an advisory lock of the service's schema, the first instance in a period purges,
 * and the others find its audit entry and leave it at that.
 */
@ApplicationScoped
public class PersonalDataCare {

    private static final Logger LOG = Logger.getLogger(PersonalDataCare.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final List<String> KIT_TABLES = List.of("outbox_event", "audit_entry");
    static final String RETENTION_JOB = "retention-job";
    static final String PURGED = "PERSONAL_DATA_PURGED";

    private final Instance<PersonalData> declared;
    private final AuditTrail audit;
    private final Clock clock;
    private final String service;
    private final Duration retention;
    private final Duration checkEvery;

    public PersonalDataCare(Instance<PersonalData> declared, AuditTrail audit, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "healthcode.retention.period") Duration retention,
            @ConfigProperty(name = "healthcode.retention.check-every") Duration checkEvery) {
        this.declared = declared;
        this.audit = audit;
        this.clock = clock;
        this.service = service;
        this.retention = retention;
        this.checkEvery = checkEvery;
    }

    @Scheduled(every = "${healthcode.retention.check-every}", delayed = "${healthcode.retention.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOnSchedule() {
        if (!declared.isResolvable()) {
            return Uni.createFrom().voidItem();
        }
        return scheduledPurge()
                .invoke(report -> {
                    if (report != null) {
                        LOG.infof("Retention: %d rows older than %s purged", report.total(), report.cutoff());
                    }
                })
                .onFailure().invoke(e -> LOG.errorf("Retention purge failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every expiring row older than the retention period; answers the rows per table. */
    public Uni<DataReport> purge(String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> purgeWithin(actor, now));
    }

    /**
     * The purge of this period of the schedule (periods of {@code check-every} from the epoch, by the
     * service's clock), unless another instance made it already: then null.
     */
    Uni<DataReport> scheduledPurge() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant periodStart = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(),
                Math.max(1, checkEvery.toMillis())));
        // the lock is the schema's own (advisory locks are database-wide), held until the commit
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from pg_advisory_xact_lock(hashtext(current_schema() || '.retention-purge'))",
                        Long.class).getSingleResult())
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from audit_entry where actor = ?1 and action = ?2 and at >= ?3", Long.class)
                        .setParameter(1, RETENTION_JOB).setParameter(2, PURGED).setParameter(3, periodStart)
                        .getSingleResult()))
                .chain(madeAlready -> madeAlready > 0 ? Uni.createFrom().nullItem() : purgeWithin(RETENTION_JOB, now)));
    }

    private Uni<DataReport> purgeWithin(String actor, Instant now) {
        Instant cutoff = now.minus(retention);
        List<PersonalData.Expiring> expiring = declaration().expiring();
        expiring.forEach(e -> checkName(e.table(), e.column()));
        return sequentially(expiring, e -> Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from " + e.table() + " where " + e.column()
                        + " < ?1").setParameter(1, cutoff).executeUpdate())
                .map(rows -> new TableCount(e.table(), rows)))
                .chain(counts -> audit.recordWithin(new AuditEntry(now, actor, PURGED, Outcome.DONE,
                        null, null, null, "before " + cutoff + ": " + summary(counts)))
                        .replaceWith(new DataReport(service, "PURGE", now, cutoff, counts)));
    }

    /**
     * Empties every table of personal data, the outbox and the audit trail, then writes to the
     * trail that it happened and what went; answers the rows per table.
     */
    public Uni<DataReport> destroy(String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> tables = new ArrayList<>(declared.isResolvable() ? declaration().tables() : List.of());
        tables.addAll(KIT_TABLES);
        tables.forEach(PersonalDataCare::checkName);
        String all = String.join(", ", tables);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("lock table " + all + " in access exclusive mode")
                        .executeUpdate())
                .chain(() -> sequentially(tables, table -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("select count(*) from " + table, Long.class)
                                .getSingleResult())
                        .map(rows -> new TableCount(table, rows))))
                .call(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select set_config('healthcode.destroying', 'on', true)", String.class)
                        .getSingleResult()))
                .call(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("truncate " + all).executeUpdate()))
                .chain(counts -> audit.recordWithin(new AuditEntry(now, actor, "PERSONAL_DATA_DESTROYED",
                        Outcome.DONE, null, null, null, summary(counts)))
                        .replaceWith(new DataReport(service, "DESTRUCTION", now, null, counts))))
                .invoke(report -> LOG.warnf("End of emergency: all personal data destroyed (%d rows)", report.total()));
    }

    private PersonalData declaration() {
        if (!declared.isResolvable()) {
            throw new IllegalStateException(service + " declares no PersonalData bean");
        }
        return declared.get();
    }

    private static <T> Uni<List<TableCount>> sequentially(List<T> items,
            java.util.function.Function<T, Uni<TableCount>> each) {
        Uni<List<TableCount>> chain = Uni.createFrom().item(new ArrayList<>());
        for (T item : items) {
            chain = chain.chain(counts -> each.apply(item).map(count -> {
                counts.add(count);
                return counts;
            }));
        }
        return chain;
    }

    private static String summary(List<TableCount> counts) {
        return counts.stream().map(c -> c.table() + "=" + c.rows()).collect(Collectors.joining(", "));
    }

    private static void checkName(String... names) {
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL name: " + name);
            }
        }
    }
}
