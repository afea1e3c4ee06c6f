package org.healthcode.kit.db;

import java.util.List;
import java.util.function.Function;

/**
 * Many rows passed to one statement as one text array per column, for
 * {@code unnest(cast($1 as text[]), cast($2 as text[]), ...)}: a batch of any size is one
 * statement, and one prepared plan.
 */
public final class Columns {

    private Columns() {
    }

    /** {@code columns[c][i]} is column {@code c} of row {@code i}, in the rows' order. */
    @SafeVarargs
    public static <T> String[][] of(List<T> rows, Function<T, String>... columns) {
        String[][] arrays = new String[columns.length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            for (int c = 0; c < columns.length; c++) {
                arrays[c][i] = columns[c].apply(row);
            }
        }
        return arrays;
    }
}
