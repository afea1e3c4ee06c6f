package org.healthcode.codeissuer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.healthcode.codeissuer.repository.SubjectColourRepository;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;

/**
 * Many subjects' current colours at once, colour and gold mark only (no reasons, no token): what an
 * organisation's roster shows. The platform's own services only, like the code: the gateway asks
 * once declaration-service has answered whose subjects they are (the people who joined the caller's
 * organisation). A subject without a colour yet is left out.
 */
@Path("/v1/colours")
@RolesAllowed(Caller.PLATFORM)
public class ColoursResource {

    public static final int MAX_PER_CALL = 500;

    public record Request(List<String> subjectIds) {
    }

    public record ColourView(String subjectId, Colour colour, boolean gold) {
    }

    public record Items(List<ColourView> items) {
    }

    private final SubjectColourRepository colours;

    public ColoursResource(SubjectColourRepository colours) {
        this.colours = colours;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Items> colours(Request request) {
        List<ApiError.Detail> problems = new ArrayList<>();
        if (request == null || request.subjectIds() == null) {
            problems.add(new ApiError.Detail("subjectIds", "is required"));
        } else if (request.subjectIds().size() > MAX_PER_CALL) {
            problems.add(new ApiError.Detail("subjectIds", "at most " + MAX_PER_CALL + " a call"));
        } else {
            for (int i = 0; i < request.subjectIds().size(); i++) {
                if (!SubjectId.isValid(request.subjectIds().get(i))) {
                    problems.add(new ApiError.Detail("subjectIds[" + i + "]", "is not a pseudonymous subject id"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return colours.currentOf(List.copyOf(new LinkedHashSet<>(request.subjectIds()))).map(found -> new Items(
                found.stream().map(c -> new ColourView(c.subjectId(), c.colour(), c.goldMark())).toList()));
    }
}
