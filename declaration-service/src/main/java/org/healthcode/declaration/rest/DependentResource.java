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

/** A guardian's dependents (people without a smartphone): registration and declaring for them. */
@Path("/v1/persons/me/dependents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class DependentResource {

    private final PersonService persons;
    private final DeclarationService declarations;
    private final ProvinceCalendar calendar;
    private final JsonWebToken caller;

    public DependentResource(PersonService persons, DeclarationService declarations, ProvinceCalendar calendar,
            JsonWebToken caller) {
        this.persons = persons;
        this.declarations = declarations;
        this.calendar = calendar;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @Intake
    public Uni<DependentProfile> register(RegistrationForm form) {
        var dependent = RegistrationValidator.dependent(form, calendar.today());
        return persons.registerDependent(caller.getSubject(), dependent.identity(), dependent.relation())
                .map(DependentProfile::of);
    }

    @GET
    public Uni<DependentProfile.Items> list() {
        return persons.dependents(caller.getSubject())
                .map(all -> new DependentProfile.Items(all.stream().map(DependentProfile::of).toList()));
    }

    @GET
    @Path("/{id}")
    public Uni<DependentProfile> get(@PathParam("id") String id) {
        return persons.dependent(caller.getSubject(), id).map(DependentProfile::of);
    }

    @POST
    @Path("/{id}/declarations")
    @ResponseStatus(201)
    @Intake
    public Uni<Submission> declare(@PathParam("id") String id, DeclarationForm form) {
        var content = DeclarationValidator.declaration(form, calendar.today());
        return persons.dependent(caller.getSubject(), id)
                .chain(dependent -> declarations.submit(dependent, DeclarationKind.FULL, content))
                .map(Submission::of);
    }

    @POST
    @Path("/{id}/checkins")
    @ResponseStatus(201)
    @Intake
    public Uni<Submission> checkIn(@PathParam("id") String id, CheckinForm form) {
        var content = DeclarationValidator.checkin(form, calendar.today());
        return persons.dependent(caller.getSubject(), id)
                .chain(dependent -> declarations.submit(dependent, DeclarationKind.DAILY_CHECKIN, content))
                .map(Submission::of);
    }
}
