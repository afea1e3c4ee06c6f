package org.healthcode.kit.imports;

/**
 * Why one row of an import is not taken in: a code, the field at fault (null for the whole row)
 * and a message that never quotes the row's content.
 */
public class RowRefused extends RuntimeException {

    /** A required field is absent or empty. */
    public static final String MISSING_FIELD = "MISSING_FIELD";
    /** A field is present but not valid (wrong format, out of range). */
    public static final String INVALID_FIELD = "INVALID_FIELD";
    /** An NDJSON line that is not a JSON object of plain values. */
    public static final String MALFORMED_ROW = "MALFORMED_ROW";

    private final String code;
    private final String field;

    public RowRefused(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public ImportReport.Refusal at(int row) {
        return new ImportReport.Refusal(row, code, field, getMessage());
    }
}
