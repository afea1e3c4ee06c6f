package org.healthcode.declaration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthcode.declaration.service.PersonService;

/** What staff may learn about a pseudonymous subject: the masked name, to compare with an ID. */
@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    public record MaskedName(String subjectId, String maskedName) {
    }

    private final PersonService persons;

    public SubjectResource(PersonService persons) {
        this.persons = persons;
    }

    @GET
    @Path("/{subjectId}/masked-name")
    @RolesAllowed({"checkpoint", "authority", "epidemiologist", "admin"})
    public Uni<MaskedName> maskedName(@PathParam("subjectId") String subjectId) {
        return persons.bySubject(subjectId).map(person -> new MaskedName(person.subjectId, person.maskedName));
    }
}
