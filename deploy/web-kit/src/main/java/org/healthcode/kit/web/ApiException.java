package org.healthcode.kit.web;

import java.util.List;

/** A refusal with its HTTP status and error code; mapped to {@link ApiError} in one place. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final List<ApiError.Detail> details;

    public ApiException(int status, String error, String message, List<ApiError.Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.details = List.copyOf(details);
    }

    public ApiException(int status, String error, String message) {
        this(status, error, message, List.of());
    }

    public static ApiException notFound(String error, String message) {
        return new ApiException(404, error, message);
    }

    public static ApiException invalid(List<ApiError.Detail> details) {
        return new ApiException(400, "VALIDATION_FAILED", "The request has invalid fields", details);
    }

    public static ApiException conflict(String error, String message) {
        return new ApiException(409, error, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public int status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(error, getMessage(), details);
    }
}
