package org.healthcode.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into the platform's error shape. Messages are written here, never
 * copied from the input, so no personal data can leak into an error body.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status(), e.toError());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String problem = mismatch instanceof InvalidFormatException ? "has the wrong format or value"
                    : "has the wrong type";
            return respond(400, ApiException.invalid(List.of(new ApiError.Detail(field, problem))).toError());
        }
        return respond(400, ApiError.of("MALFORMED_JSON", "The request body is not valid JSON"));
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

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return respond(401, ApiError.of("UNAUTHENTICATED", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
        String message = status >= 500 ? "Internal error" : Response.Status.fromStatusCode(status) == null
                ? "Request refused" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, ApiError.of(code, message));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // The type is enough to investigate; messages may echo input, so they stay out of logs.
        LOG.errorf("Unexpected %s at %s", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return respond(500, ApiError.of("INTERNAL", "Internal error"));
    }

    public static Response respond(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
