package org.healthcode.risk.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.region.Regions;
import org.healthcode.risk.event.DeclarationSubmitted;
import org.healthcode.risk.repository.SubmissionRepository;
import org.healthcode.risk.repository.SubmissionRow;
import org.healthcode.risk.repository.TravelRepository;
import org.healthcode.risk.repository.TravelRow;

/**
 * Adds a declaration's or check-in's facts to the subject's, then re-evaluates the subject. Travel
 * the authority imported (kind TRAVEL) adds its stays only: it is not a submission of the person's.
 */
@ApplicationScoped
public class DeclarationIntake {

    private final SubmissionRepository submissions;
    private final TravelRepository travel;
    private final RiskService risk;

    public DeclarationIntake(SubmissionRepository submissions, TravelRepository travel, RiskService risk) {
        this.submissions = submissions;
        this.travel = travel;
        this.risk = risk;
    }

    /**
     * Runs inside the consumer's transaction; {@code eventId} becomes the cause of any change.
     * Answers the subject if its colour changed.
     */
    public Uni<List<RiskService.Recoloured>> accept(DeclarationSubmitted declaration, String eventId) {
        return risk.lock(declaration.subjectId())
                .invoke(row -> {
                    if (isRegionCode(declaration.regionCode())) {
                        row.province = Regions.provinceOf(declaration.regionCode());
                        row.regionCode = declaration.regionCode();
                    }
                })
                .call(row -> store(declaration))
                .chain(row -> risk.recalculate(row, eventId));
    }

    private Uni<Void> store(DeclarationSubmitted declaration) {
        if (declaration.isAuthorityTravel()) {
            return storeTravelOnly(declaration);
        }
        return submissions.findById(declaration.declarationId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem(); // the same declaration under another event id
            }
            String id = declaration.declarationId();
            String subjectId = declaration.subjectId();
            List<TravelRow> stays = declaration.toTravel().stream().map(stay -> TravelRow.of(subjectId, id, stay))
                    .toList();
            return submissions.persist(SubmissionRow.of(id, subjectId, declaration.toSubmission()))
                    .chain(() -> stays.isEmpty() ? Uni.createFrom().voidItem() : travel.persist(stays))
                    .chain(submissions::flush); // the evaluation reads them back
        });
    }

    private Uni<Void> storeTravelOnly(DeclarationSubmitted declaration) {
        String id = declaration.declarationId();
        return travel.count("declarationId", id).chain(known -> {
            if (known > 0) {
                return Uni.createFrom().voidItem(); // the same import under another event id
            }
            List<TravelRow> stays = declaration.toTravel().stream()
                    .map(stay -> TravelRow.of(declaration.subjectId(), id, stay)).toList();
            return stays.isEmpty() ? Uni.createFrom().voidItem()
                    : travel.persist(stays).chain(travel::flush); // the evaluation reads them back
        });
    }

    private static boolean isRegionCode(String code) {
        return code != null && code.matches("\\d{6}");
    }
}
