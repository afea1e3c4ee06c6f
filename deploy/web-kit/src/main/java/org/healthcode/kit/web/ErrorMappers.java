package org.healthcode.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into the platform's error shape. Messages are written here, never
 * copied from the input, so no personal data can leak into an error body.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** What JAX-RS answers when no resource method takes the request. */
    private static final Set<Integer> UNMATCHED = Set.of(404, 405, 406, 415);
    /** How long a caller is asked to wait when a dependency is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final List<Unavailability> unavailability;

    public ErrorMappers() {
        this.unavailability = List.of();
    }

    @Inject
    public ErrorMappers(Instance<Unavailability> unavailability) {
        this(unavailability.stream().toList());
    }

    ErrorMappers(List<Unavailability> unavailability) {
        this.unavailability = List.copyOf(unavailability);
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status(), e.toError());
    }

    /**
     * A body that is not JSON is MALFORMED_JSON; JSON with a value of the wrong type (a number where
     * text belongs, text where a list belongs) is VALIDATION_FAILED naming the field as the
     * validators do ({@code travel[0].from}), or {@code body} when the whole body is of the wrong type.
     */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference ref : mismatch.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            String name = field.isEmpty() ? "body" : field.toString();
            return respond(400, ApiException.invalid(List.of(new ApiError.Detail(name, problem(mismatch)))).toError());
        }
        return respond(400, ApiError.of("MALFORMED_JSON", "The request body is not valid JSON"));
    }

    /** What the field should have been, by the type it is read into; never the value that came. */
    private static String problem(MismatchedInputException mismatch) {
        Class<?> type = mismatch.getTargetType();
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (type.isEnum()) {
            return "must be one of the allowed names, as a string";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return mismatch instanceof InvalidFormatException ? "has the wrong format or value" : "has the wrong type";
    }

    /**
     * Quarkus has its own mapper for this subclass, and the most specific mapper wins; its body
     * names the field and repeats the rejected value, which could be a document number.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** A role check ({@code @RolesAllowed}) refused the caller. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, ApiError.of("FORBIDDEN", "This call is not allowed for the caller's role"));
    }

    /** No token, or one that is not valid: 401 with the bearer challenge (RFC 6750). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e) {
        return Response.fromResponse(respond(401, ApiError.forStatus(401)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /**
     * A refusal by JAX-RS itself. On an API path ({@code quarkus.http.auth.permission.api.paths}), a
     * caller without a token learns nothing of the API, not even which paths, methods or media types
     * it has: 401, as for an existing path.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable); // Quarkus wraps what its JSON reader could not read in a 400
        }
        int status = e.getResponse().getStatus();
        if (UNMATCHED.contains(status) && request.getSecurityContext().getUserPrincipal() == null
                && isApiPath(request.getUriInfo().getPath())) {
            return unauthenticated(e);
        }
        return respond(status, ApiError.forStatus(status));
    }

    private static boolean isApiPath(String path) {
        List<String> patterns = ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.auth.permission.api.paths", String.class).orElse(List.of());
        for (String pattern : patterns) {
            String prefix = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (pattern.endsWith("*") ? path.startsWith(prefix) : path.equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller's token cannot be checked because the identity provider is away and this process
     * has not fetched its keys yet (it started while the provider was down). Nothing was done; the
     * keys are fetched on the first request after the provider is back, without a restart.
     */
    @ServerExceptionMapper
    public Response identityProviderUnavailable(OIDCException e) {
        LOG.warnf("Identity provider unavailable: %s", causes(e));
        return Response.fromResponse(respond(503, ApiError.of("IDENTITY_PROVIDER_UNAVAILABLE",
                "The platform cannot reach its identity provider; try again shortly")))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (unavailability.stream().anyMatch(known -> known.explains(e))) {
            // nothing was done: the caller may try again once the dependency is back
            LOG.warnf("Unavailable: %s", e.getClass().getName());
            return Response.fromResponse(respond(503, ApiError.of("SERVICE_UNAVAILABLE",
                    "The service cannot reach what it depends on; try again shortly")))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        // The types and where they were thrown are enough to investigate; messages may echo input,
        // so they stay out of logs.
        LOG.errorf("Unexpected %s", causes(e));
        return respond(500, ApiError.of("INTERNAL", "Internal error"));
    }

    /** Each exception of the chain by its type and the frame that threw it, without its message. */
    static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (depth > 0) {
                chain.append(", caused by ");
            }
            chain.append(t.getClass().getName()).append(" at ")
                    .append(t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?");
        }
        return chain.toString();
    }

    public static Response respond(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
