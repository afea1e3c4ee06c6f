package org.healthcode.declaration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.healthcode.declaration.repository.PersonRepository;
import org.healthcode.kit.web.ApiException;

@Path("/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    public record Profile(String subjectId, Instant registeredAt) {
    }

    private final PersonRepository persons;
    private final SecurityIdentity caller;

    public PersonResource(PersonRepository persons, SecurityIdentity caller) {
        this.persons = persons;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @RolesAllowed("citizen")
    public Uni<Profile> me() {
        return persons.findByAccount(caller.getPrincipal().getName())
                .onItem().ifNull().failWith(() -> ApiException.notFound("NOT_REGISTERED",
                        "No person is registered for this account yet"))
                .map(person -> new Profile(person.subjectId, person.registeredAt));
    }
}
