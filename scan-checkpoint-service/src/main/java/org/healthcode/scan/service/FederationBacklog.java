package org.healthcode.scan.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Visitors' findings waiting to be taken by their home province, per home: how many
 * ({@code healthcode_federation_contacts_pending_findings{province}}) and how long the oldest has
 * waited ({@code healthcode_federation_contacts_oldest_pending_seconds{province}}, 0 when none
 * waits). A home that cannot be reached keeps its findings, and its travellers keep their colour
 * at home until it is back: an age beyond minutes is a province to call. Counted in the database
 * every {@code healthcode.metrics.refresh-every}; a home seen once keeps its series (at 0).
 */
@ApplicationScoped
public class FederationBacklog {

    public static final String PENDING = "healthcode.federation.contacts.pending";
    public static final String OLDEST_AGE = "healthcode.federation.contacts.oldest.pending";

    private static final Logger LOG = Logger.getLogger(FederationBacklog.class);

    private record Waiting(long findings, double oldestSeconds) {
        static final Waiting NONE = new Waiting(0, 0);
    }

    private final Pool pool;
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Waiting>> byHome = new ConcurrentHashMap<>();

    public FederationBacklog(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    @Scheduled(every = "${healthcode.metrics.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshOnSchedule() {
        return refresh()
                .onFailure().invoke(e -> LOG.debugf("Federation backlog not refreshed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** Counts the pending findings now. */
    public Uni<Void> refresh() {
        return pool.query("""
                select home_province, count(*), extract(epoch from now() - min(created_at))
                from federation_contact_outgoing where status = 'PENDING' group by home_province""")
                .execute().invoke(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        String home = row.getString(0);
                        seen.add(home);
                        gauges(home).set(new Waiting(row.getLong(1), Math.max(0, row.getNumeric(2).doubleValue())));
                    }
                    byHome.forEach((home, waiting) -> {
                        if (!seen.contains(home)) {
                            waiting.set(Waiting.NONE);
                        }
                    });
                }).replaceWithVoid();
    }

    private AtomicReference<Waiting> gauges(String home) {
        return byHome.computeIfAbsent(home, province -> {
            AtomicReference<Waiting> waiting = new AtomicReference<>(Waiting.NONE);
            Gauge.builder(PENDING, waiting, w -> w.get().findings())
                    .description("Visitors' findings not yet taken by their home province")
                    .baseUnit("findings").tags("province", province).register(registry);
            Gauge.builder(OLDEST_AGE, waiting, w -> w.get().oldestSeconds())
                    .description("How long the oldest finding for the home province has waited; 0 when none waits")
                    .baseUnit("seconds").tags("province", province).register(registry);
            return waiting;
        });
    }
}
