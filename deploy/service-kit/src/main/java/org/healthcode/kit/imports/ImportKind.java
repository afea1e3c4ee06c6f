package org.healthcode.kit.imports;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One kind of authority import, as a service defines it for {@link Imports}: its columns, how a row
 * is read and checked, the key that says two rows are the same fact, and how the rows are applied.
 *
 * @param <T> a row as read and checked
 */
public interface ImportKind<T> {

    /** The kind's name in reports and the audit trail, e.g. {@code ITINERARY}. */
    String name();

    /** The columns a CSV file's header must name (an NDJSON row lacking one is refused alone). */
    List<String> columns();

    /** Reads and checks a row on its own; throws {@link RowRefused} to refuse it. */
    T read(ImportRow row);

    /**
     * What makes two rows the same fact, so that it is applied once however many files carry it:
     * built from pseudonyms, codes and dates, never from a document number (the kit stores its hash).
     */
    String key(T value);

    /**
     * Applies the new rows inside the import's transaction, answering those refused against the
     * stored data (e.g. a person of another province); every other row counts as applied.
     */
    Uni<List<ImportReport.Refusal>> apply(List<Read<T>> rows, Context context);

    /** A row as read, with its number in the file. */
    record Read<T>(int row, T value) {
    }

    /** The upload being applied: its id, the staff account, the province, the time. */
    record Context(UUID importId, String actor, String province, Instant at) {
    }
}
