package org.healthcode.gateway.upstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ErrorMappers;

/** Relays a service's answer to the caller; a service that cannot be reached is a 503. */
public final class Upstream {

    private Upstream() {
    }

    public static Uni<Response> relay(String service, Uni<Response> call) {
        return call.map(Upstream::copy)
                // the REST client raises 4xx and 5xx answers; they already carry the error shape
                .onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> copy(((WebApplicationException) failure).getResponse()))
                .onFailure(Upstream::unreachable).recoverWithItem(() -> ErrorMappers.respond(503,
                        ApiError.of("UPSTREAM_UNAVAILABLE", "The " + service + " service is not reachable")));
    }

    private static boolean unreachable(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof IOException;
    }

    private static Response copy(Response answer) {
        Response.ResponseBuilder copy = Response.status(answer.getStatus());
        if (answer.hasEntity()) {
            copy.entity(answer.readEntity(String.class)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return copy.build();
    }
}
