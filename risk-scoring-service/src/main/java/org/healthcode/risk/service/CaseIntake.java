package org.healthcode.risk.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.region.Regions;
import org.healthcode.risk.event.CaseConfirmed;
import org.healthcode.risk.repository.CaseDecisionRepository;
import org.healthcode.risk.repository.CaseDecisionRow;

/**
 * Adds the authority's decision on a case to the subject's facts, then re-evaluates the subject.
 * The subject may never have declared: the state is then created in the event's province.
 */
@ApplicationScoped
public class CaseIntake {

    private final CaseDecisionRepository decisions;
    private final RiskService risk;

    public CaseIntake(CaseDecisionRepository decisions, RiskService risk) {
        this.decisions = decisions;
        this.risk = risk;
    }

    /**
     * Runs inside the consumer's transaction; {@code eventId} becomes the cause of any change.
     * Answers the subject if its colour changed.
     */
    public Uni<List<RiskService.Recoloured>> accept(CaseConfirmed event, String eventId) {
        return risk.lock(event.subjectId())
                .invoke(row -> row.adoptProvince(province(event)))
                .invoke(row -> row.adoptRegion(known(event.regionCode())))
                .call(row -> decisions.persist(located(CaseDecisionRow.of(eventId, event.subjectId(),
                                event.toDecision()), event, row.regionCode))
                        .chain(decisions::flush)) // the evaluation reads it back
                .chain(row -> risk.recalculate(row, eventId));
    }

    /**
     * Where the case is counted: the region the authority gave, unless that is only an area around the
     * subject's home region (contact-trace names the province when the authority gave no region), then
     * the home region; the home region when the authority gave none.
     */
    private static CaseDecisionRow located(CaseDecisionRow decision, CaseConfirmed event, String homeRegion) {
        String region = known(event.regionCode());
        boolean finerAtHome = homeRegion != null && (region == null
                || (!region.equals(homeRegion) && Regions.within(homeRegion, region)));
        decision.regionCode = finerAtHome ? homeRegion : region;
        return decision;
    }

    private static String known(String region) {
        return region != null && Regions.table().isKnown(region) ? region : null;
    }

    private static String province(CaseConfirmed event) {
        if (event.province() != null) {
            return event.province();
        }
        String region = event.regionCode();
        return region != null && Regions.table().isKnown(region) ? Regions.provinceOf(region) : null;
    }
}
