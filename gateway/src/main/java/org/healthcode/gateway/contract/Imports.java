package org.healthcode.gateway.contract;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The health authority's bulk imports: what became of a file. */
public final class Imports {

    private Imports() {
    }

    @Schema(description = "What became of an import file: row numbers, field names and codes only, nothing of a"
            + " row's content. The same file uploaded again answers the first report with duplicate true and"
            + " changes nothing; a row applied before (by any file) counts as repeated and is not applied again.")
    public record ImportReport(@Schema(required = true) UUID importId,
            @Schema(required = true, example = "ITINERARY") String kind,
            @Schema(required = true, description = "records in the file (a CSV header not counted)") int rows,
            @Schema(required = true, description = "rows applied by this file") int accepted,
            @Schema(required = true, description = "rows applied before, not applied again") int repeated,
            @Schema(required = true) List<Refusal> refused,
            @Schema(required = true, description = "the file had been taken in before: nothing was applied") boolean duplicate) {
    }

    @Schema(description = "One refused row: MISSING_FIELD, INVALID_FIELD, MALFORMED_ROW, FORBIDDEN_PROVINCE")
    public record Refusal(@Schema(required = true, description = "the n-th record, from 1") int row,
            @Schema(required = true, example = "INVALID_FIELD") String code,
            @Schema(description = "the field at fault; absent for the whole row", example = "documentNumber") String field,
            @Schema(required = true) String message) {
    }
}
