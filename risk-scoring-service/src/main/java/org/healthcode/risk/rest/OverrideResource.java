package org.healthcode.risk.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.OverrideProposal;
import org.healthcode.risk.domain.OverrideStatus;
import org.healthcode.risk.repository.OverrideRow;
import org.healthcode.risk.service.OverrideService;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Four-eyes colour overrides: proposed by one authority, approved or rejected by another of the same province. */
@Path("/v1/overrides")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("authority")
public class OverrideResource {

    public record ProposalRequest(String subjectId, String colour, String justification, String until) {
    }

    public record DecisionRequest(String note) {
    }

    /**
     * An override as the province's authorities see it. {@code decidedBy}, {@code decidedAt} and
     * {@code note} are null until it is decided.
     */
    public record OverrideView(UUID id, String subjectId, Colour colour, Instant until, OverrideStatus status,
            String justification, String proposedBy, Instant proposedAt, Instant expiresAt, String decidedBy,
            Instant decidedAt, String note) {
    }

    public record OverrideList(List<OverrideView> items) {
    }

    static final int MAX_NOTE = 500;

    private final OverrideService service;
    private final SecurityIdentity identity;
    private final Clock clock;

    public OverrideResource(OverrideService service, SecurityIdentity identity, Clock clock) {
        this.service = service;
        this.identity = identity;
        this.clock = clock;
    }

    /** A proposal is new personal data about a person (a colour and its justification): intake, refused after the emergency. */
    @POST
    @ResponseStatus(201)
    @Intake
    public Uni<OverrideView> propose(ProposalRequest request) {
        Caller caller = Caller.of(identity);
        caller.staffProvince();
        ProposalRequest r = request == null ? new ProposalRequest(null, null, null, null) : request;
        OverrideProposal.Checked checked = OverrideProposal.check(r.subjectId(), r.colour(), r.justification(),
                r.until(), clock.instant());
        if (!checked.problems().isEmpty()) {
            throw ApiException.invalid(checked.problems().stream()
                    .map(p -> new ApiError.Detail(p.field(), p.problem())).toList());
        }
        return service.propose(checked.proposal(), caller).map(this::view);
    }

    /** The caller's province's overrides, oldest proposal first; {@code status} filters (absent: all). */
    @GET
    public Uni<OverrideList> list(@QueryParam("status") String status) {
        String province = Caller.of(identity).staffProvince();
        OverrideStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = Arrays.stream(OverrideStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> ApiException.invalid(List.of(new ApiError.Detail("status",
                            "must be PROPOSED, APPROVED, REJECTED or EXPIRED"))));
        }
        return service.ofProvince(province, wanted)
                .map(rows -> new OverrideList(rows.stream().map(this::view).toList()));
    }

    @POST
    @Path("/{id}/approve")
    @Intake
    public Uni<OverrideView> approve(@PathParam("id") String id, DecisionRequest request) {
        return decide(id, true, request);
    }

    @POST
    @Path("/{id}/reject")
    public Uni<OverrideView> reject(@PathParam("id") String id, DecisionRequest request) {
        return decide(id, false, request);
    }

    private Uni<OverrideView> decide(String id, boolean approve, DecisionRequest request) {
        Caller caller = Caller.of(identity);
        caller.staffProvince();
        UUID overrideId = uuid(id);
        String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note();
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw ApiException.invalid(List.of(new ApiError.Detail("note", "at most " + MAX_NOTE + " characters")));
        }
        return service.decide(overrideId, approve, note, caller).map(this::view);
    }

    private OverrideView view(OverrideRow row) {
        return new OverrideView(row.id, row.subjectId, row.colour, row.until, service.statusOf(row), row.justification,
                row.proposedBy, row.proposedAt, row.expiresAt, row.decidedBy, row.decidedAt, row.decisionNote);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("OVERRIDE_NOT_FOUND", "No such override");
        }
    }
}
