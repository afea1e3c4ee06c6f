package org.healthcode.declaration.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * scan-checkpoint-service, the owner of venues. Asked with the resident's own token (propagated), as
 * any resident may see what a venue's poster says.
 */
@RegisterRestClient(configKey = "scan-checkpoint")
@RegisterClientHeaders
@Path("/v1/venues")
public interface VenueClient {

    /** A venue's name, type ({@code RESIDENTIAL_COMMUNITY}, ...), GB/T 2260 region and province. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Place(UUID id, String name, String type, String regionCode, String province) {
    }

    @GET
    @Path("/{id}/place")
    Uni<Place> place(@PathParam("id") String id);
}
