package org.healthcode.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Events written to the service's outbox and not yet acknowledged by Kafka: how many
 * ({@code healthcode_outbox_backlog_events}) and how long the oldest has waited
 * ({@code healthcode_outbox_oldest_age_seconds}, 0 when there is none). A backlog that grows, or an
 * age beyond seconds, means the relay cannot publish: every event of the service is held up.
 * Counted in the database (so by the database's clock, like the rows' {@code created_at}) every
 * {@code healthcode.metrics.refresh-every}.
 */
@ApplicationScoped
public class OutboxBacklog {

    public static final String BACKLOG = "healthcode.outbox.backlog";
    public static final String OLDEST_AGE = "healthcode.outbox.oldest.age";

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final Pool pool;
    private final AtomicLong events = new AtomicLong();
    private final AtomicReference<Double> oldestAge = new AtomicReference<>(0.0);

    public OutboxBacklog(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder(BACKLOG, events, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(OLDEST_AGE, oldestAge, AtomicReference::get)
                .description("How long the oldest event in the outbox has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${healthcode.metrics.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshOnSchedule() {
        return refresh()
                .onFailure().invoke(e -> LOG.debugf("Outbox backlog not refreshed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** Counts the outbox now. */
    public Uni<Void> refresh() {
        return pool.query("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                from outbox_event""").execute().invoke(rows -> {
            Row row = rows.iterator().next();
            events.set(row.getLong(0));
            oldestAge.set(Math.max(0, row.getNumeric(1).doubleValue()));
        }).replaceWithVoid();
    }
}
