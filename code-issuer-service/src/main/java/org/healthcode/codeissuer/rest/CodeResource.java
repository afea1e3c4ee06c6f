package org.healthcode.codeissuer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.service.CodeService;
import org.healthcode.codeissuer.service.IssuedCode;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * A subject's code, for the platform's own services only: the gateway resolves "me" (or a dependent)
 * to the subject id at declaration-service, which checks whose it is, and calls with its own service
 * identity. A person's token is refused here whatever its role, since this route takes any subject.
 * Every answer carries a token signed just now, so none of it may be cached.
 */
@Path("/v1/subjects/{subjectId}")
@RolesAllowed(Caller.PLATFORM)
public class CodeResource {

    public record CodeView(String subjectId, Colour colour, boolean gold, String token, Instant expiresAt,
            Instant validUntil, boolean declarationDue, Instant quarantineUntil, List<ReasonView> reasons) {
    }

    public record ReasonView(String code, Instant since, Instant until) {
    }

    private final CodeService codes;
    private final Clock clock;

    public CodeResource(CodeService codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @GET
    @Path("/code")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Uni<CodeView> code(@PathParam("subjectId") String subjectId) {
        return codes.issue(valid(subjectId)).map(this::view);
    }

    @GET
    @Path("/code.png")
    @Produces("image/png")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Uni<byte[]> png(@PathParam("subjectId") String subjectId) {
        return codes.png(valid(subjectId));
    }

    @GET
    @Path("/code.svg")
    @Produces("image/svg+xml")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Uni<String> svg(@PathParam("subjectId") String subjectId) {
        return codes.svg(valid(subjectId));
    }

    private CodeView view(IssuedCode code) {
        CurrentColour current = code.current();
        return new CodeView(current.subjectId(), current.colour(), current.goldMark(), code.token().token(),
                code.token().expiresAt(), current.validUntil(), current.declarationDue(clock.instant()),
                current.quarantineUntil(),
                current.reasons().stream().map(r -> new ReasonView(r.code(), r.since(), r.until())).toList());
    }

    static String valid(String subjectId) {
        if (!SubjectId.isValid(subjectId)) {
            throw ApiException.invalid(List.of(new ApiError.Detail("subjectId", "is not a pseudonymous subject id")));
        }
        return subjectId;
    }
}
