package org.healthcode.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The refusal that happens before any resource runs, in the platform's JSON error shape like every
 * other ({@link ErrorMappers} covers everything that reaches JAX-RS, unknown paths, wrong methods
 * and media types and missing tokens included): a body over {@code quarkus.http.limits.max-body-size}
 * is 413 PAYLOAD_TOO_LARGE, whether it announces its length or comes chunked.
 * <p>
 * Quarkus refuses such a body itself with an empty 413, in the HTTP layer (a Content-Length over the
 * limit) or while JAX-RS reads it (a chunked body), where no exception mapper can reach it. So the
 * body is read here first, up to the limit and no further, by Vert.x's body handler, which fails
 * the request with 413 at the first byte too many; JAX-RS then takes the body already read.
 */
@ApplicationScoped
public class HttpRefusals {

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    public HttpRefusals(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> {
            BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
            // Before Quarkus's own check (order -2), which would answer with an empty body. Only a
            // request that has a body: a GET is left to Quarkus as it comes (a streamed answer that
            // fails half-way must still reset the connection, which a request read here prevents).
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
                if (hasBody(context.request())) {
                    bodies.handle(context);
                } else {
                    context.next();
                }
            });
            router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        });
    }

    /**
     * An HTTP/1 request with a body. An HTTP/2 one is left to Quarkus (and its own body limit): a
     * connection upgraded to HTTP/2 (h2c, as Java's own HTTP client asks with its first request) hands
     * its body to the new stream already read, and reading it here left JAX-RS with "Request has
     * already been read" (a 500).
     */
    private static boolean hasBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaderNames.UPGRADE)) {
            return false;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) || length != null && !length.equals("0");
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() != 413 || context.failure() != null || context.response().headWritten()) {
            context.next();
            return;
        }
        ApiError error = ApiError.of("PAYLOAD_TOO_LARGE", "The request body is larger than " + words(maxBodySize.get()));
        String body;
        try {
            body = json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ApiError is always writable", e);
        }
        // The rest of the body is not read: the connection closes once the answer is sent.
        context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONNECTION, "close")
                .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json").end(body);
    }

    /** "64 KiB", "1 MiB", or bytes when neither divides the limit. */
    static String words(MemorySize size) {
        long bytes = size.asLongValue();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
