package org.healthcode.kit.imports;

import java.util.List;
import java.util.UUID;

/**
 * What became of an import file: how many rows it had, how many were applied now, how many had been
 * applied before (by an earlier file or earlier in this one: not applied again), and each refused
 * row with its reason. Row numbers, field names and codes only: nothing of a row's content.
 *
 * @param importId  the file's id: the same file (same bytes, kind and province) always has the same
 * @param kind      what was imported, e.g. {@code ITINERARY}
 * @param duplicate true when this file had been taken in before: the report is that first one's,
 *                  and nothing was applied this time
 */
public record ImportReport(UUID importId, String kind, int rows, int accepted, int repeated, List<Refusal> refused,
        boolean duplicate) {

    /** One refused row: its number, why (a code), the field at fault (null: the whole row), a message. */
    public record Refusal(int row, String code, String field, String message) {
    }

    public ImportReport {
        refused = List.copyOf(refused);
    }

    ImportReport asDuplicate() {
        return new ImportReport(importId, kind, rows, accepted, repeated, refused, true);
    }
}
