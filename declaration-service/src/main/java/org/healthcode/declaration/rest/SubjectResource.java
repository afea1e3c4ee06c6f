package org.healthcode.declaration.rest;

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

/**
 * What staff may learn about pseudonymous subjects: the masked name, to compare with an ID, and
 * the subject behind a document shown at a checkpoint or named in a case report.
 */
@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    public record MaskedNames(List<MaskedName> items) {
    }

    private final PersonService persons;
    private final ProvinceCalendar calendar;

    public SubjectResource(PersonService persons, ProvinceCalendar calendar) {
        this.persons = persons;
        this.calendar = calendar;
    }

    @GET
    @Path("/{subjectId}/masked-name")
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<MaskedName> maskedName(@PathParam("subjectId") String subjectId) {
        return persons.bySubject(subjectId).map(person -> new MaskedName(person.subjectId, person.maskedName));
    }

    /** Unknown subjects are left out of the answer rather than refused: a batch is not a probe of one. */
    @POST
    @Path("/masked-names")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<MaskedNames> maskedNames(SubjectBatch.Form form) {
        return persons.maskedNames(SubjectBatch.of(form)).map(MaskedNames::new);
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"checkpoint", "authority"})
    public Uni<PersonService.Resolution> resolve(DocumentForm form) {
        return persons.resolve(RegistrationValidator.document(form, calendar.today()));
    }
}
