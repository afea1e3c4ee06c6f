package org.healthcode.kit.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An endpoint shaped like the services' own, to see the error shape as a client does. */
@Path("/v1/probe")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Form(String name, int doses) {
    }

    @POST
    @RolesAllowed("admin")
    public Form echo(Form form) {
        return form;
    }
}
