package org.healthcode.gateway.upstream;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's refusal (or its absence, as a 503) met half-way through composing an answer; the
 * caller gets it as it is, so a 404 NOT_REGISTERED from declaration-service stays exactly that.
 */
public final class UpstreamFailure extends RuntimeException {

    private final transient Response answer;

    public UpstreamFailure(Response answer) {
        super("Upstream answered " + answer.getStatus(), null, false, false);
        this.answer = answer;
    }

    public Response answer() {
        return answer;
    }

    /** More specific than the web kit's mappers, so the service's own error body wins. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response relay(UpstreamFailure failure) {
            return failure.answer();
        }
    }
}
