package org.healthcode.risk.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Stream;
import org.healthcode.risk.service.RiskService.Recoloured;

/**
 * How long after the event that caused it a new colour was committed: from the inbound event's
 * time (when its producer recorded it) to the commit of the transaction that changed the colour, by
 * the event's topic and the subject's province ({@code healthcode_recolouring_latency_seconds}).
 * Buckets around DESIGN.md's "every contact recoloured within 1 second", for
 * {@code histogram_quantile}.
 */
@ApplicationScoped
public class RecolouringLatency {

    public static final String METER = "healthcode.recolouring.latency";

    static final Duration[] BUCKETS = Stream.of(50, 100, 250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Clock clock;

    public RecolouringLatency(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Records the subjects recoloured by an event of {@code cause} published at {@code eventTime}; call after commit. */
    void committed(String cause, Instant eventTime, Collection<Recoloured> recoloured) {
        if (eventTime == null || recoloured.isEmpty()) {
            return;
        }
        // clocks of two machines: an event "from the future" is counted as immediate
        Duration latency = Duration.between(eventTime, clock.instant());
        Duration counted = latency.isNegative() ? Duration.ZERO : latency;
        recoloured.forEach(change -> timer(cause, change.province()).record(counted));
    }

    private Timer timer(String cause, String province) {
        return Timer.builder(METER)
                .description("From the event that caused a new colour to its commit")
                .tags("cause", cause, "province", province == null ? "unknown" : province)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
