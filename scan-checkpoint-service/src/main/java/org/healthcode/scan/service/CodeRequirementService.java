package org.healthcode.scan.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.scan.domain.CheckpointAudit;
import org.healthcode.scan.domain.CodeRequirement;
import org.healthcode.scan.domain.Venue;
import org.healthcode.scan.domain.VenueType;
import org.healthcode.scan.repository.CodeRequirementRepository;

/**
 * Whether a code is still required, per province and venue type. An authority decides for its own
 * province only: another province's is refused (403 FORBIDDEN_PROVINCE), and the refusal is audited
 * like every cross-province request; a decision is audited in the statement that stores it.
 */
@ApplicationScoped
public class CodeRequirementService {

    private final CodeRequirementRepository requirements;
    private final AuditTrail audit;
    private final Clock clock;

    public CodeRequirementService(CodeRequirementRepository requirements, AuditTrail audit, Clock clock) {
        this.requirements = requirements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether scanning at this venue still requires a code. */
    public Uni<Boolean> requiredAt(Venue venue) {
        return requirements.required(venue.province, venue.type);
    }

    public Uni<List<CodeRequirement>> ofProvince(String province, Caller staff, String request) {
        return refuseAnotherProvince(province, staff, request, province).chain(() -> requirements.ofProvince(province));
    }

    public Uni<CodeRequirement> set(String province, VenueType type, boolean required, Caller authority) {
        return refuseAnotherProvince(province, authority, "PUT /v1/code-requirements/{province}/{venueType}",
                type.name()).chain(() -> {
                    var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    CodeRequirement requirement = new CodeRequirement(province, type, required, authority.subject(), at);
                    AuditEntry line = CheckpointAudit.codeRequirement(requirement);
                    return requirements.set(requirement, line).replaceWith(requirement);
                });
    }

    private Uni<Void> refuseAnotherProvince(String province, Caller staff, String request, String object) {
        String staffProvince = staff.staffProvince();
        if (province.equals(staffProvince)) {
            return Uni.createFrom().voidItem();
        }
        return audit.record(CheckpointAudit.crossProvince(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        staff.subject(), staffProvince, request, object, province, null))
                .chain(() -> Uni.createFrom().failure(
                        new ApiException(403, "FORBIDDEN_PROVINCE", "The province is not yours")));
    }
}
