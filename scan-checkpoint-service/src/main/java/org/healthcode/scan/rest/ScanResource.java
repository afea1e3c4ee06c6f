package org.healthcode.scan.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.scan.domain.Admission;
import org.healthcode.scan.domain.ClientIds;
import org.healthcode.scan.domain.ColourSource;
import org.healthcode.scan.domain.Decision;
import org.healthcode.scan.domain.DenyReason;
import org.healthcode.scan.domain.ScanAttempt;
import org.healthcode.scan.domain.ScanMode;
import org.healthcode.scan.service.ScanService;
import org.jboss.resteasy.reactive.ResponseHeader;

/** Checkpoint staff at a venue of their province: a scanned code, or a person looked up by document. */
@Path("/v1/scans")
@RolesAllowed("checkpoint")
public class ScanResource {

    public record CodeScan(String token, String venueId, String scanId) {
    }

    public record SubjectScan(String subjectId, String venueId, String scanId) {
    }

    /**
     * {@code colour}/{@code gold}: the colour the decision used, shown only when the code itself
     * passed; {@code subjectId}/{@code province}: the holder's, known only for an authentic code
     * (or a looked-up person); {@code mode}: how the person was checked ({@code PAPER_CODE} for a
     * printed paper code); {@code colourSource}: whose word the colour shown is ({@code ISSUER}
     * the issuing province's current colour, {@code TOKEN} the code's own), null with no colour.
     */
    public record ScanAnswer(String scanId, Decision decision, DenyReason reason, Colour colour, Boolean gold,
            String subjectId, String province, Instant at, ScanMode mode, ColourSource colourSource) {

        static ScanAnswer of(ScanAttempt attempt) {
            Admission.Outcome outcome = attempt.outcome();
            return new ScanAnswer(attempt.scanId, outcome.decision(), outcome.reason(), outcome.shownColour(),
                    outcome.shownGold(), outcome.subjectId(), outcome.province(), attempt.at, attempt.mode,
                    outcome.shownColourSource());
        }
    }

    private final ScanService scans;
    private final SecurityIdentity identity;

    public ScanResource(ScanService scans, SecurityIdentity identity) {
        this.scans = scans;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Intake
    public Uni<ScanAnswer> scan(CodeScan request) {
        List<ApiError.Detail> problems = new ArrayList<>();
        if (request == null || request.token() == null || request.token().isBlank()) {
            problems.add(new ApiError.Detail("token", "is required"));
        }
        checkVenueAndScanId(request == null ? null : request.venueId(), request == null ? null : request.scanId(),
                problems);
        Caller caller = Caller.of(identity);
        caller.staffProvince(); // staff without a province act nowhere: 403 NO_PROVINCE first
        return scans.scanCode(request.token().strip(), request.venueId(), request.scanId(), caller)
                .map(ScanAnswer::of);
    }

    /**
     * The ID-card path, for the platform only: the gateway resolved the document to the pseudonym at
     * declaration-service (which confines staff to their province) and calls with its own service
     * identity on behalf of the checkpoint staff member; audited ({@code ID_CARD_LOOKUP}) under that
     * member. A person's token is refused: a bare subjectId from a checkpoint would record a scan of
     * anyone with neither a code nor an ID card.
     */
    @POST
    @Path("/subject")
    @RolesAllowed(Caller.PLATFORM)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Intake
    public Uni<ScanAnswer> scanSubject(SubjectScan request, @Context HttpHeaders headers) {
        Caller caller = Caller.onBehalfOf(identity, headers);
        List<ApiError.Detail> problems = new ArrayList<>();
        if (request == null || !SubjectId.isValid(request.subjectId())) {
            problems.add(new ApiError.Detail("subjectId", "is not a pseudonymous subject id"));
        }
        checkVenueAndScanId(request == null ? null : request.venueId(), request == null ? null : request.scanId(),
                problems);
        caller.staffProvince(); // staff without a province act nowhere: 403 NO_PROVINCE first
        return scans.scanSubject(request.subjectId(), request.venueId(), request.scanId(), caller)
                .map(ScanAnswer::of);
    }

    private static void checkVenueAndScanId(String venueId, String scanId, List<ApiError.Detail> problems) {
        if (!isUuid(venueId)) {
            problems.add(new ApiError.Detail("venueId", "is not a venue id"));
        }
        if (!ClientIds.isValid(scanId)) {
            problems.add(new ApiError.Detail("scanId", ClientIds.SHAPE_PROBLEM));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    static boolean isUuid(String text) {
        try {
            return text != null && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
