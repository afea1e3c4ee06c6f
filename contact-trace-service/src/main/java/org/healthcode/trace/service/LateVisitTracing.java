package org.healthcode.trace.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.healthcode.trace.TraceConfig;
import org.healthcode.trace.domain.Visit;
import org.healthcode.trace.repository.CaseRepository;
import org.jboss.logging.Logger;

/**
 * Visits reach the index late: a checkpoint that was offline uploads its scans hours afterwards, or
 * a scan event is still on its way when the case is confirmed. A case is traced when it is
 * confirmed, and again whenever a newly indexed visit could reach it: the case's own visit, a
 * degree-1 contact's, or anyone's at the same venue near one of theirs. Contacts found before are
 * not published again, so tracing again is safe.
 */
@ApplicationScoped
public class LateVisitTracing {

    private static final Logger LOG = Logger.getLogger(LateVisitTracing.class);

    private final CaseRepository cases;
    private final ContactTracing tracing;
    private final Duration reach;

    public LateVisitTracing(CaseRepository cases, ContactTracing tracing, TraceConfig config) {
        this.cases = cases;
        this.tracing = tracing;
        this.reach = config.widestReach();
    }

    /**
     * Traces again every confirmed case one of the indexed visits could reach, each once. Call
     * inside a transaction, after the visits were committed: the shared hold then orders this look
     * against any trace under way (either the look sees the case, or the trace sees the visits).
     */
    public Uni<Void> traceAgainFor(List<Visit> visits) {
        return cases.holdTracing(false)
                .chain(() -> cases.lockReachableBy(visits, reach))
                .chain(reachable -> Multi.createFrom().iterable(reachable)
                        .onItem().transformToUniAndConcatenate(c -> tracing.trace(c)
                                .invoke(outcome -> {
                                    if (outcome.published() > 0) {
                                        LOG.infof("Case %s: a late visit added %d contacts", c.id(),
                                                outcome.published());
                                    }
                                }))
                        .collect().last()
                        .replaceWithVoid());
    }
}
