package org.healthcode.trace.repository;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.healthcode.trace.TraceConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the visit index's month partitions ahead of time (the current month and
 * {@code trace.partitions.months-ahead} more) and drops months past retention. Runs at start and
 * then every {@code trace.partitions.check-every}; replicas serialise on an advisory lock in the
 * database functions (see the V1 migration).
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    private final Pool pool;
    private final Clock clock;
    private final TraceConfig.Partitions settings;

    public PartitionMaintenance(Pool pool, Clock clock, TraceConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.settings = config.partitions();
    }

    @Scheduled(every = "${trace.partitions.check-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> maintain() {
        return maintain(clock.instant())
                .onFailure().invoke(e -> LOG.warnf("Visit partition upkeep failed (%s); retried next time",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Creates the partitions due at {@code now}, drops the expired ones; answers [created, dropped]. */
    public Uni<int[]> maintain(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(settings.retention()), ZoneOffset.UTC);
        return pool.preparedQuery("select ensure_visit_partitions($1, $2)")
                .execute(Tuple.of(at, settings.monthsAhead() + 1))
                .map(rows -> rows.iterator().next().getInteger(0))
                .chain(created -> pool.preparedQuery("select drop_visit_partitions_before($1)")
                        .execute(Tuple.of(cutoff))
                        .map(rows -> new int[] {created, rows.iterator().next().getInteger(0)}))
                .invoke(counts -> {
                    if (counts[0] + counts[1] > 0) {
                        LOG.infof("Visit partitions: %d created, %d dropped", counts[0], counts[1]);
                    }
                });
    }
}
