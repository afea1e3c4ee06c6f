package org.healthcode.risk.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.repository.RiskStateRepository;
import org.jboss.logging.Logger;

/**
 * Changes that need no new declaration: a reason ends, validity ends, a quarantine day passes
 * without a check-in, a region's level changed. Subjects whose {@code next_review_at} has come are
 * claimed in batches (skipping those another replica holds) and re-evaluated.
 */
@ApplicationScoped
public class DueReview {

    private static final Logger LOG = Logger.getLogger(DueReview.class);

    private final RiskStateRepository states;
    private final RiskService risk;
    private final Clock clock;
    private final int batchSize;

    public DueReview(RiskStateRepository states, RiskService risk, Clock clock, RiskConfig config) {
        this.states = states;
        this.risk = risk;
        this.clock = clock;
        this.batchSize = config.review().batchSize();
    }

    @Scheduled(every = "${risk.review.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> review() {
        return reviewBatch()
                .repeat().until(reviewed -> reviewed < batchSize)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Risk review paused: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    /** Re-evaluates one batch of due subjects in one transaction, their facts loaded together; answers how many. */
    Uni<Integer> reviewBatch() {
        return Panache.withTransaction(() -> states.claimDue(clock.instant(), batchSize)
                .chain(subjects -> subjects.isEmpty() ? Uni.createFrom().item(0)
                        : states.forUpdate(subjects)
                                .chain(rows -> risk.recalculate(rows, Map.of(), RiskService.Origin.REVIEW))
                                .replaceWith(subjects.size())));
    }
}
