package org.healthcode.gateway.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ErrorMappers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimiter} to every API call, once the bearer token has been checked: the
 * caller is the token's subject, or the client address for calls without a token. Behind a proxy,
 * set {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's.
 * Application-scoped so that it is made on the first call, once the runtime settings are known.
 */
@ApplicationScoped
public class RateLimitFilter {

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimitConfig config) {
        this.limiter = new RateLimiter(config.perSecond(), config.burst(), System::nanoTime);
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest connection) {
        RateLimiter.Decision decision = limiter.take(callerOf(request, connection));
        if (decision.allowed()) {
            return Optional.empty();
        }
        Response refusal = ErrorMappers.respond(429, ApiError.of("RATE_LIMITED",
                "Too many calls; retry after " + decision.retryAfterSeconds() + " s"));
        return Optional.of(Response.fromResponse(refusal)
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).build());
    }

    private static String callerOf(ContainerRequestContext request, HttpServerRequest connection) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        // the principal's name may be a username; sub is the stable account id
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return "sub:" + token.getSubject();
        }
        return "ip:" + (connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress());
    }
}
