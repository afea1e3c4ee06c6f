package org.healthcode.risk.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.kit.web.ApiException;
import org.healthcode.risk.event.RiskRecalculated;
import org.healthcode.risk.repository.RiskStateRow;
import org.healthcode.risk.service.RiskService;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectRiskResource {

    private final RiskService risk;
    private final SecurityIdentity caller;

    public SubjectRiskResource(RiskService risk, SecurityIdentity caller) {
        this.risk = risk;
        this.caller = caller;
    }

    /** The subject's current state, shaped as its last {@code risk-recalculated}. */
    @GET
    @Path("/{subjectId}/risk")
    @RolesAllowed({"authority", "admin"})
    public Uni<RiskRecalculated> current(@PathParam("subjectId") String subjectId) {
        return risk.current(subjectId).map(row -> {
            if (row == null || row.colour == null) {
                throw ApiException.notFound("SUBJECT_NOT_FOUND", "No risk state is known for this subject");
            }
            if (!caller.hasRole("admin") && !Objects.equals(province(), row.province)) {
                throw ApiException.forbidden("Authority staff see subjects of their own province only");
            }
            return view(row);
        });
    }

    private RiskRecalculated view(RiskStateRow row) {
        return RiskRecalculated.of(row.subjectId, row.province, risk.stateOf(row), row.previousColour,
                row.evaluatedAt, row.causeEventId);
    }

    private String province() {
        return caller.getPrincipal() instanceof JsonWebToken token ? token.getClaim("province") : null;
    }
}
