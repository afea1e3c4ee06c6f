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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.scan.domain.ClientIds;
import org.healthcode.scan.domain.Decision;
import org.healthcode.scan.domain.DenyReason;
import org.healthcode.scan.domain.ScanAttempt;
import org.healthcode.scan.service.ScanService;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * A citizen scanned a venue's poster. For the platform only: the gateway fills {@code subjectId} (the
 * citizen's) and {@code companions} (their own dependents only, as declaration-service says) and calls
 * with its own service identity on behalf of the citizen. A citizen's own token is refused here, since
 * the request names subjects: it would check anyone in anywhere. The answer is the colour to show at
 * the door.
 */
@Path("/v1/venue-checkins")
@RolesAllowed(Caller.PLATFORM)
public class VenueCheckinResource {

    /** A guardian has at most five dependents. */
    static final int MAX_COMPANIONS = 5;

    public record CheckinRequest(String venueCode, String subjectId, List<String> companions, String checkinId) {
    }

    public record PersonColour(String subjectId, Colour colour, Boolean gold) {

        static PersonColour of(ScanAttempt visit) {
            return new PersonColour(visit.subjectId, visit.colourAtScan,
                    visit.colourAtScan == null ? null : Boolean.TRUE.equals(visit.gold));
        }
    }

    /**
     * {@code colour} null when no colour is known for the person. {@code decision}/{@code reason}:
     * ALLOW/NOT_REQUIRED when the venue's type no longer requires a code (nothing was recorded, no
     * colour is shown), otherwise null: the colour shown at the door decides.
     */
    public record CheckinAnswer(UUID venueId, String venueName, Colour colour, Boolean gold,
            List<PersonColour> companions, Decision decision, DenyReason reason) {
    }

    private final ScanService scans;
    private final SecurityIdentity identity;

    public VenueCheckinResource(ScanService scans, SecurityIdentity identity) {
        this.scans = scans;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Intake
    public Uni<CheckinAnswer> checkin(CheckinRequest request, @Context HttpHeaders headers) {
        Caller citizen = Caller.onBehalfOf(identity, headers);
        List<String> companions = validate(request);
        return scans.checkin(request.venueCode().strip(), request.subjectId(), companions, request.checkinId(),
                citizen.subject())
                .map(checkin -> {
                    PersonColour self = PersonColour.of(checkin.visits().get(0));
                    ScanAttempt first = checkin.visits().get(0);
                    boolean notRequired = first.reason == DenyReason.NOT_REQUIRED;
                    return new CheckinAnswer(checkin.venue().id, checkin.venue().name, self.colour(), self.gold(),
                            checkin.visits().subList(1, checkin.visits().size()).stream().map(PersonColour::of).toList(),
                            notRequired ? first.decision : null, notRequired ? first.reason : null);
                });
    }

    private static List<String> validate(CheckinRequest request) {
        List<ApiError.Detail> problems = new ArrayList<>();
        if (request == null || request.venueCode() == null || request.venueCode().isBlank()) {
            problems.add(new ApiError.Detail("venueCode", "is required"));
        }
        String subjectId = request == null ? null : request.subjectId();
        if (!SubjectId.isValid(subjectId)) {
            problems.add(new ApiError.Detail("subjectId", "is not a pseudonymous subject id"));
        }
        List<String> companions = request == null || request.companions() == null ? List.of() : request.companions();
        if (companions.size() > MAX_COMPANIONS) {
            problems.add(new ApiError.Detail("companions", "at most " + MAX_COMPANIONS));
        }
        Set<String> seen = new HashSet<>();
        if (subjectId != null) {
            seen.add(subjectId);
        }
        for (int i = 0; i < companions.size() && i < MAX_COMPANIONS; i++) {
            String companion = companions.get(i);
            if (!SubjectId.isValid(companion)) {
                problems.add(new ApiError.Detail("companions[" + i + "]", "is not a pseudonymous subject id"));
            } else if (!seen.add(companion)) {
                problems.add(new ApiError.Detail("companions[" + i + "]", "is listed twice or is the citizen"));
            }
        }
        if (request == null || !ClientIds.isValid(request.checkinId())) {
            problems.add(new ApiError.Detail("checkinId", ClientIds.SHAPE_PROBLEM));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return companions;
    }
}
