package org.healthcode.declaration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.healthcode.declaration.domain.DocumentForm;
import org.healthcode.declaration.domain.MaskedName;
import org.healthcode.declaration.domain.RegistrationValidator;
import org.healthcode.declaration.domain.SubjectBatch;
import org.healthcode.declaration.service.PersonService;
import org.healthcode.declaration.service.ProvinceCalendar;
import org.healthcode.declaration.service.SubjectLookup;
import org.healthcode.kit.web.Caller;

/**
 * What staff may learn about pseudonymous subjects: the masked name, to compare with an ID, and
 * the subject behind a document shown at a checkpoint or named in a case report. Every answer is
 * audited under the token's account (the gateway forwards the staff member's own token).
 */
@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    public record MaskedNames(List<MaskedName> items) {
    }

    private final SubjectLookup lookup;
    private final ProvinceCalendar calendar;
    private final SecurityIdentity identity;

    public SubjectResource(SubjectLookup lookup, ProvinceCalendar calendar, SecurityIdentity identity) {
        this.lookup = lookup;
        this.calendar = calendar;
        this.identity = identity;
    }

    @GET
    @Path("/{subjectId}/masked-name")
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<MaskedName> maskedName(@PathParam("subjectId") String subjectId) {
        return lookup.maskedName(Caller.of(identity).subject(), subjectId);
    }

    /** Unknown subjects are left out of the answer rather than refused: a batch is not a probe of one. */
    @POST
    @Path("/masked-names")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<MaskedNames> maskedNames(SubjectBatch.Form form) {
        var subjectIds = SubjectBatch.of(form);
        return lookup.maskedNames(Caller.of(identity).subject(), subjectIds).map(MaskedNames::new);
    }

    /** Staff resolve documents in their own province only: one without a province claim gets 403 NO_PROVINCE. */
    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"checkpoint", "authority"})
    public Uni<PersonService.Resolution> resolve(DocumentForm form) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        var document = RegistrationValidator.document(form, calendar.today());
        return lookup.resolve(caller.subject(), province, document);
    }
}
