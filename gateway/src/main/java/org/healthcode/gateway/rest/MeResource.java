package org.healthcode.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/** The citizen's own data. Identity always comes from the token, never from the request. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MeResource {

    private final DeclarationClient declaration;

    public MeResource(@RestClient DeclarationClient declaration) {
        this.declaration = declaration;
    }

    @GET
    public Uni<Response> me() {
        return Upstream.relay("declaration", declaration.me());
    }
}
