package org.healthcode.kit.imports;

import java.util.Map;

/**
 * One record of an import file: its number (the n-th record, from 1; a CSV file's header row and
 * an NDJSON file's blank lines are not counted) and its fields by column name, each a trimmed text
 * (an NDJSON array is its elements joined by {@code ;}). An empty field counts as absent.
 */
public record ImportRow(int row, Map<String, String> fields) {

    public ImportRow {
        fields = Map.copyOf(fields);
    }

    /** The field's text, or the row is refused with MISSING_FIELD naming it. */
    public String required(String field) {
        String value = optional(field);
        if (value == null) {
            throw new RowRefused(RowRefused.MISSING_FIELD, field, "is required");
        }
        return value;
    }

    /** The field's text, null when absent or empty. */
    public String optional(String field) {
        String value = fields.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
