package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;

/**
 * The few fields of a request body that the gateway reads itself, because it composes the calls
 * behind them; everything else is for the services to judge. A problem is a 400 VALIDATION_FAILED
 * naming the field, never quoting its value.
 */
final class Fields {

    private Fields() {
    }

    static ObjectNode object(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw invalid("body", body == null || body.isNull() ? "is required" : "must be a JSON object");
    }

    /** The text of an optional field: null when absent or null. */
    static String optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(field, "must be a non-empty string");
        }
        return value.asText();
    }

    /** An optional list of distinct non-empty strings, at most {@code max}; empty when absent. */
    static Set<String> optionalTexts(ObjectNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Set.of();
        }
        if (!value.isArray() || value.size() > max) {
            throw invalid(field, "must be a list of at most " + max + " ids");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw invalid(field, "must contain only non-empty strings");
            }
            texts.add(element.asText());
        }
        return new LinkedHashSet<>(texts);
    }

    static boolean present(ObjectNode body, String field) {
        return body.hasNonNull(field);
    }

    static ApiException invalid(String field, String problem) {
        return ApiException.invalid(List.of(new ApiError.Detail(field, problem)));
    }
}
