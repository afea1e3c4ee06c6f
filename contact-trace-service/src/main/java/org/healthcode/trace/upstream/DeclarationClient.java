package org.healthcode.trace.upstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * declaration-service, the one holder of who is registered where. Asked with the staff member's own
 * token (propagated), so declaration-service applies its own rules and audits under that member.
 */
@RegisterRestClient(configKey = "declaration")
@RegisterClientHeaders
@Path("/v1/subjects")
public interface DeclarationClient {

    /** Where a subject belongs, as {@code {subjectId, registered, province}}. */
    record Jurisdiction(String subjectId, boolean registered, String province) {
    }

    @GET
    @Path("/{subjectId}/jurisdiction")
    Uni<Jurisdiction> jurisdiction(@PathParam("subjectId") String subjectId);
}
