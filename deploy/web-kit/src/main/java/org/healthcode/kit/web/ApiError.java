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
}
