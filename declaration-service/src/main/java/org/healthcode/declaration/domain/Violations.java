package org.healthcode.declaration.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.DateSpan;

/**
 * Collects every problem of a request so that all offending fields are reported at once.
 * Problems are written here and never quote the input.
 */
public final class Violations {

    private final List<ApiError.Detail> details = new ArrayList<>();

    public void add(String field, String problem) {
        details.add(new ApiError.Detail(field, problem));
    }

    public List<ApiError.Detail> details() {
        return List.copyOf(details);
    }

    /** Refuses the request with 400 VALIDATION_FAILED if anything was found. */
    public void throwIfAny() {
        if (!details.isEmpty()) {
            throw ApiException.invalid(details);
        }
    }

    /** The value when given; otherwise records the field as required. */
    public <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "is required");
            return null;
        }
        return value;
    }

    /**
     * A page size: {@code fallback} when not given, else a whole number from 1 to {@code max}; after
     * recording why it is not one, {@code fallback} (the request is refused anyway).
     */
    public int limit(String value, String field, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // recorded below
        }
        add(field, "must be a whole number from 1 to " + max);
        return fallback;
    }

    /** The constant named by {@code value}, or null after recording why it is not one. */
    public <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (required(value, field) == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        add(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    /** A required ISO date (yyyy-MM-dd) within {@code span} of today, or null after recording why it is not one. */
    public LocalDate date(String value, String field, DateSpan span, LocalDate today) {
        if (required(value, field) == null) {
            return null;
        }
        return span.parse(value, field, today, details::add);
    }
}
