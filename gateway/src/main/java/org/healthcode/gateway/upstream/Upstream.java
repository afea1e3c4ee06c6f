package org.healthcode.gateway.upstream;

import io.quarkus.oidc.client.OidcClientException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ErrorMappers;
import org.healthcode.kit.web.ServiceCall;

/**
 * Relays a service's answer to the caller byte for byte, with its content type: JSON, errors
 * included, and images alike. A call that cannot connect is made again on the service's next
 * instance ({@link ServiceCall}); a service that cannot be reached, or that does not answer within
 * the read timeout, is a 503 UPSTREAM_UNAVAILABLE.
 */
public final class Upstream {

    /** What a caller may rely on from a service's answer; Location, for one, names an internal URL. */
    private static final List<String> RELAYED_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL, HttpHeaders.RETRY_AFTER,
                    HttpHeaders.CONTENT_DISPOSITION, "Paper-Code-Reference");

    private Upstream() {
    }

    /** The service's answer, whatever its status, as the caller's answer. */
    public static Uni<Response> relay(String service, Uni<Response> call) {
        return ServiceCall.failingOver(call).map(Upstream::copy)
                .onFailure(Upstream::relayable).recoverWithItem(failure -> answerFor(service, failure));
    }

    /**
     * A value the gateway needs from a service before answering (a subjectId, a verification):
     * when the service refuses or is away, that refusal or a 503 becomes the caller's answer.
     */
    public static <T> Uni<T> read(String service, Uni<T> call) {
        return ServiceCall.failingOver(call).onFailure(Upstream::relayable)
                .transform(failure -> new UpstreamFailure(answerFor(service, failure)));
    }

    private static boolean relayable(Throwable failure) {
        // the REST client raises 4xx and 5xx answers; they already carry the error shape
        return failure instanceof WebApplicationException || unreachable(failure) || withoutIdentity(failure);
    }

    /** The gateway could not get its own token (client credentials) from the identity provider. */
    private static boolean withoutIdentity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OidcClientException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The call never had an answer: no connection, the connection closed before the answer (the
     * instance died mid-request), or no answer in time. Whatever wraps it, it is the transport.
     */
    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProcessingException || t instanceof IOException || t instanceof HttpClosedException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** No answer within the read timeout: Vert.x fails the call with a TimeoutException (it was a 500). */
    private static boolean unanswered(Throwable failure) {
        return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException;
    }

    private static Response answerFor(String service, Throwable failure) {
        if (withoutIdentity(failure)) {
            // the service is fine; the gateway cannot prove who it is until the provider answers again
            return Response.fromResponse(ErrorMappers.respond(503, ApiError.of("IDENTITY_PROVIDER_UNAVAILABLE",
                    "The platform cannot reach its identity provider; try again shortly")))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (failure instanceof WebApplicationException refusal) {
            return copy(refusal.getResponse());
        }
        return ErrorMappers.respond(503, ApiError.of("UPSTREAM_UNAVAILABLE", unanswered(failure)
                ? "The " + service + " service did not answer in time"
                : "The " + service + " service is not reachable"));
    }

    private static Response copy(Response answer) {
        Response.ResponseBuilder copy = Response.status(answer.getStatus());
        for (String header : RELAYED_HEADERS) {
            String value = answer.getHeaderString(header);
            if (value != null) {
                copy.header(header, value);
            }
        }
        if (answer.hasEntity()) {
            copy.entity(answer.readEntity(byte[].class));
        }
        return copy.build();
    }
}
