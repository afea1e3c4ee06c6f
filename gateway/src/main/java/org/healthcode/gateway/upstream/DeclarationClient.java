package org.healthcode.gateway.upstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "declaration")
@RegisterClientHeaders
@Path("/v1")
public interface DeclarationClient {

    @GET
    @Path("/persons/me")
    Uni<Response> me();
}
