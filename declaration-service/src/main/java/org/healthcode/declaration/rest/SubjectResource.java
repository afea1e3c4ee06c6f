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
import java.util.regex.Pattern;
import org.healthcode.declaration.domain.DocumentForm;
import org.healthcode.declaration.domain.MaskedName;
import org.healthcode.declaration.domain.RegistrationValidator;
import org.healthcode.declaration.domain.SubjectBatch;
import org.healthcode.declaration.service.PersonService;
import org.healthcode.declaration.service.ProvinceCalendar;
import org.healthcode.declaration.service.SubjectLookup;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;

/**
 * What staff may learn about pseudonymous subjects: the masked name, to compare with an ID, and
 * the subject behind a document shown at a checkpoint or named in a case report, the province a
 * subject belongs to. Staff reach the people of their own province only. Every answer is audited
 * under the token's account (the gateway forwards the staff member's own token).
 */
@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    public record MaskedNames(List<MaskedName> items) {
    }

    /** A pseudonym: 22 characters of base64url (a keyed hash of the document). */
    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

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
        Caller caller = Caller.of(identity);
        return lookup.maskedName(caller.subject(), caller.staffProvince(), subjectId);
    }

    /** Unknown subjects are left out of the answer rather than refused: a batch is not a probe of one. */
    @POST
    @Path("/masked-names")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<MaskedNames> maskedNames(SubjectBatch.Form form) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        var subjectIds = SubjectBatch.of(form);
        return lookup.maskedNames(caller.subject(), province, subjectIds).map(MaskedNames::new);
    }

    /**
     * Whether staff of the caller's province may act on this subject: 200 with the province when the
     * person is registered there, or {@code registered: false} when nobody has registered the
     * document yet; 403 FORBIDDEN_PROVINCE (audited) for a person of another province.
     */
    @GET
    @Path("/{subjectId}/jurisdiction")
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<SubjectLookup.Jurisdiction> jurisdiction(@PathParam("subjectId") String subjectId) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            throw ApiException.invalid(List.of(new ApiError.Detail("subjectId", "is not a pseudonymous subject id")));
        }
        return lookup.jurisdiction(caller.subject(), province, subjectId);
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
