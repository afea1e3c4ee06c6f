package org.healthcode.risk.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.ColourExplanation;
import org.healthcode.risk.domain.Language;
import org.healthcode.risk.domain.ReasonCode;
import org.healthcode.risk.domain.RiskState;
import org.healthcode.risk.event.RiskRecalculated;
import org.healthcode.risk.repository.RiskStateRow;
import org.healthcode.risk.rest.FeverClinicResource.Clinic;
import org.healthcode.risk.service.FeverClinicService;
import org.healthcode.risk.service.OverrideService;
import org.healthcode.risk.service.RiskService;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectRiskResource {

    /** Why a subject's code has its colour, in the caller's language; nothing about anyone else. */
    public record Explanation(String subjectId, Colour colour, boolean gold, int ruleSetVersion, String language,
            Instant validUntil, Instant quarantineUntil, String summary, List<ExplainedReason> reasons) {
    }

    /**
     * {@code clinics}: for SYMPTOMS only, the fever clinics of the subject's home region (their
     * county's, or their city's when the county has none); null for every other reason.
     */
    public record ExplainedReason(ReasonCode code, Colour colour, Instant since, Instant until, String title,
            String text, String action, List<Clinic> clinics) {
    }

    private final RiskService risk;
    private final FeverClinicService clinics;
    private final AuditTrail audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final RiskConfig config;

    public SubjectRiskResource(RiskService risk, FeverClinicService clinics, AuditTrail audit,
            SecurityIdentity identity, Clock clock, RiskConfig config) {
        this.risk = risk;
        this.clinics = clinics;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.config = config;
    }

    /**
     * The subject's current state, shaped as its last {@code risk-recalculated}. Authorities and admins
     * see their province's subjects only; a refusal is audited.
     */
    @GET
    @Path("/{subjectId}/risk")
    @RolesAllowed({"authority", "admin"})
    public Uni<RiskRecalculated> current(@PathParam("subjectId") String subjectId) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince(); // admins too: staff act in their own province only
        return risk.current(subjectId).chain(row -> {
            if (row == null || row.colour == null) {
                throw ApiException.notFound("SUBJECT_NOT_FOUND", "No risk state is known for this subject");
            }
            if (!Objects.equals(province, row.province)) {
                return audit.record(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.subject(),
                                OverrideService.CROSS_PROVINCE, Outcome.REFUSED, subjectId,
                                "GET /v1/subjects/{subjectId}/risk", row.province,
                                "risk read by staff of " + province))
                        .chain(() -> Uni.createFrom().<RiskRecalculated>failure(new ApiException(403,
                                "FORBIDDEN_PROVINCE", "Authority staff see subjects of their own province only")));
            }
            return Uni.createFrom().item(view(row));
        });
    }

    /**
     * Why the subject's code has its colour, until when, and what to do, in Chinese or English
     * ({@code Accept-Language}). For the platform's own services only (the gateway, with its service
     * identity, once declaration-service has said the subject is the citizen or their dependent): a
     * person's token is refused, since this route takes any subject.
     */
    @GET
    @Path("/{subjectId}/explanation")
    @RolesAllowed(Caller.PLATFORM)
    public Uni<Explanation> explanation(@PathParam("subjectId") String subjectId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        return risk.current(subjectId).chain(row -> {
            if (row == null || row.colour == null) {
                throw ApiException.notFound("NO_COLOUR_YET", "This subject has no colour yet");
            }
            RiskState state = risk.stateOf(row);
            ColourExplanation explained = ColourExplanation.of(state, language, config.timeZone(), clock.instant());
            boolean symptoms = explained.reasons().stream().anyMatch(r -> r.code() == ReasonCode.SYMPTOMS);
            Uni<List<Clinic>> near = symptoms
                    ? clinics.near(row.regionCode).map(found -> found.stream().map(Clinic::of).toList())
                    : Uni.createFrom().item(List.of());
            return near.map(found -> new Explanation(row.subjectId, state.colour(), state.gold(),
                    state.ruleSetVersion(), language.tag(), state.validUntil(), state.quarantineUntil(),
                    explained.summary(), explained.reasons().stream().map(r -> new ExplainedReason(r.code(),
                            r.colour(), r.since(), r.until(), r.title(), r.text(), r.action(),
                            r.code() == ReasonCode.SYMPTOMS ? found : null)).toList()));
        });
    }

    private RiskRecalculated view(RiskStateRow row) {
        return RiskRecalculated.of(row.subjectId, row.province, risk.stateOf(row), row.previousColour,
                row.evaluatedAt, row.causeEventId);
    }
}
