package org.healthcode.gateway.upstream;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * code-issuer-service's colours of many subjects (colour and gold only), with the gateway's own
 * service identity, once declaration-service has said whose subjects they are.
 */
@RegisterRestClient(configKey = "code-issuer")
@OidcClientFilter
@Path("/v1/colours")
public interface CodeIssuerColoursClient {

    int MAX_PER_CALL = 500;

    record Request(List<String> subjectIds) {
    }

    record ColourOf(String subjectId, String colour, boolean gold) {
    }

    record Colours(List<ColourOf> items) {
    }

    @POST
    Uni<Colours> colours(Request request);
}
