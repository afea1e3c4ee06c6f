package org.healthcode.declaration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.declaration.domain.CheckinForm;
import org.healthcode.declaration.domain.DeclarationForm;
import org.healthcode.declaration.domain.DeclarationKind;
import org.healthcode.declaration.domain.DeclarationValidator;
import org.healthcode.declaration.domain.RegistrationForm;
import org.healthcode.declaration.domain.RegistrationValidator;
import org.healthcode.declaration.service.DeclarationService;
import org.healthcode.declaration.service.PersonService;
import org.healthcode.declaration.service.ProvinceCalendar;
import org.healthcode.kit.governance.Intake;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The caller's own person: registration, profile, declarations and daily check-ins. */
@Path("/v1/persons/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class PersonResource {

    private final PersonService persons;
    private final DeclarationService declarations;
    private final ProvinceCalendar calendar;
    private final JsonWebToken caller;

    public PersonResource(PersonService persons, DeclarationService declarations, ProvinceCalendar calendar,
            JsonWebToken caller) {
        this.persons = persons;
        this.declarations = declarations;
        this.calendar = calendar;
        this.caller = caller;
    }

    @GET
    public Uni<Profile> me() {
        return persons.self(caller.getSubject()).map(Profile::of);
    }

    @POST
    @Path("/registration")
    @ResponseStatus(201)
    @Intake
    public Uni<Profile> register(RegistrationForm form) {
        var identity = RegistrationValidator.self(form, calendar.today());
        return persons.registerSelf(caller.getSubject(), identity).map(Profile::of);
    }

    @POST
    @Path("/declarations")
    @ResponseStatus(201)
    @Intake
    public Uni<Submission> declare(DeclarationForm form) {
        var content = DeclarationValidator.declaration(form, calendar.today());
        return persons.self(caller.getSubject())
                .chain(person -> declarations.submit(person, DeclarationKind.FULL, content))
                .map(Submission::of);
    }

    @POST
    @Path("/checkins")
    @ResponseStatus(201)
    @Intake
    public Uni<Submission> checkIn(CheckinForm form) {
        var content = DeclarationValidator.checkin(form, calendar.today());
        return persons.self(caller.getSubject())
                .chain(person -> declarations.submit(person, DeclarationKind.DAILY_CHECKIN, content))
                .map(Submission::of);
    }
}
