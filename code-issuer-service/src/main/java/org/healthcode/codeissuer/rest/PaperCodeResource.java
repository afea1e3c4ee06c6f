package org.healthcode.codeissuer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.healthcode.codeissuer.service.PaperCodeService;
import org.healthcode.kit.web.Caller;

/**
 * Prints a subject's paper code (A6 PDF), for the platform's own services only, like
 * {@link CodeResource}: the gateway has checked whose subject it is. Each call is a new print and
 * revokes the one before, so it is a POST and never cached.
 */
@Path("/v1/subjects/{subjectId}/paper-code")
@RolesAllowed(Caller.PLATFORM)
public class PaperCodeResource {

    public static final String REFERENCE_HEADER = "Paper-Code-Reference";

    private final PaperCodeService papers;

    public PaperCodeResource(PaperCodeService papers) {
        this.papers = papers;
    }

    @POST
    // JSON too: a refusal comes in the platform error shape
    @Produces({"application/pdf", "application/json"})
    public Uni<Response> print(@PathParam("subjectId") String subjectId) {
        return papers.print(CodeResource.valid(subjectId)).map(printed -> Response.ok(printed.pdf(), "application/pdf")
                .header("Cache-Control", "no-store")
                .header(REFERENCE_HEADER, printed.paperId())
                .header("Content-Disposition", "attachment; filename=\"paper-code-" + printed.paperId() + ".pdf\"")
                .build());
    }
}
