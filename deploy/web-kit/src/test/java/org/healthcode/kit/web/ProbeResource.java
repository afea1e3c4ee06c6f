package org.healthcode.kit.web;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A resource shaped like the services' (JSON in and out, roles), for {@link HttpRefusalsIT}. */
@Path("/v1/probe")
public class ProbeResource {

    public record Form(String name, String phone, Integer doses, List<String> symptoms) {
    }

    @POST
    @RolesAllowed("citizen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Form echo(Form form) {
        return form;
    }

    /** The same on the event loop, as the services' reactive resources read their bodies. */
    @POST
    @Path("/reactive")
    @RolesAllowed("citizen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Form> echoLater(Form form) {
        return Uni.createFrom().item(form);
    }

    @GET
    @Path("/staff")
    @RolesAllowed("authority")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> staff() {
        return List.of();
    }
}
