package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.healthcode.kit.web.Caller;

/**
 * scan-checkpoint-service's routes that name subjects (an ID-card scan once declaration-service
 * resolved the document, a venue check-in for the citizen and their dependents): with the gateway's
 * own service identity, on behalf of the person the gateway authenticated.
 */
@RegisterRestClient(configKey = "scan-checkpoint")
@OidcClientFilter
@Path("/v1")
public interface ScanCheckpointPlatformClient {

    @POST
    @Path("/scans/subject")
    Uni<ObjectNode> scanSubject(@HeaderParam(Caller.ON_BEHALF_OF) String staff,
            @HeaderParam(Caller.ON_BEHALF_OF_PROVINCE) String province, JsonNode scan);

    @POST
    @Path("/venue-checkins")
    Uni<Response> venueCheckin(@HeaderParam(Caller.ON_BEHALF_OF) String citizen, JsonNode checkin);
}
