package org.healthcode.codeissuer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.service.CheckedCode;
import org.healthcode.codeissuer.service.VerificationService;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.CodeClaims;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;

/** Online verification at a checkpoint: is the token genuine and current, and what colour is its holder now. */
@Path("/v1/codes/verify")
public class VerifyResource {

    public record VerifyRequest(String token) {
    }

    /**
     * {@code colour}/{@code gold}: the holder's colour now (null when the token is not valid or no
     * colour is known); {@code tokenColour}, {@code province}, {@code subjectId}, {@code expiresAt}:
     * what an authentic token says (null for a forged or unreadable one).
     */
    public record VerifyAnswer(boolean valid, String reason, Colour colour, Boolean gold, Colour tokenColour,
            String province, String subjectId, Instant expiresAt) {
    }

    private final VerificationService verification;

    public VerifyResource(VerificationService verification) {
        this.verification = verification;
    }

    @POST
    @RolesAllowed({"checkpoint", "authority"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<VerifyAnswer> verify(VerifyRequest request) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw ApiException.invalid(List.of(new ApiError.Detail("token", "is required")));
        }
        return verification.check(request.token().strip()).map(VerifyResource::answer);
    }

    private static VerifyAnswer answer(CheckedCode checked) {
        CodeClaims claims = checked.verification().claims();
        CurrentColour current = checked.current();
        return new VerifyAnswer(checked.verification().valid(),
                checked.verification().valid() ? null : checked.verification().reason().name(),
                current == null ? null : current.colour(),
                current == null ? null : current.goldMark(),
                claims == null ? null : claims.colour(),
                claims == null ? null : claims.issuer(),
                claims == null ? null : claims.subjectId(),
                claims == null ? null : claims.expiresAt());
    }
}
