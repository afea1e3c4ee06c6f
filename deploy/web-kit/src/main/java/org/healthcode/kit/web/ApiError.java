package org.healthcode.kit.web;

import java.util.List;

/**
 * The one error shape of the platform: a stable machine-readable {@code error} code, a message
 * for people, and per-field details. Never carries a name, document number or phone.
 */
public record ApiError(String error, String message, List<Detail> details) {

    public record Detail(String field, String problem) {
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }

    /**
     * The error for a bare HTTP status refused by the framework rather than by our code (an
     * unknown path, a wrong method, a wrong content type): its code and reason phrase.
     */
    public static ApiError forStatus(int status) {
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
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
        String message = switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "This call is not allowed for the caller";
            case 404 -> "There is nothing at this path";
            case 405 -> "This path does not take this method";
            case 406 -> "This path cannot answer in the accepted media type";
            case 413 -> "The request body is too large";
            case 415 -> "This path does not take this content type";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        return of(code, message);
    }
}
