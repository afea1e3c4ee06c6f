package org.healthcode.risk.domain;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tally of what a rule change would do: per (current colour, new colour) how many subjects, and
 * how many keep theirs.
 */
public final class ColourChanges {

    /** {@code count} subjects would go from {@code from} to {@code to}. */
    public record Change(Colour from, Colour to, long count) {
    }

    private final Map<Colour, Map<Colour, Long>> changes = new EnumMap<>(Colour.class);
    private long unchanged;

    public void add(Colour from, Colour to) {
        if (from == to) {
            unchanged++;
        } else {
            changes.computeIfAbsent(from, c -> new EnumMap<>(Colour.class)).merge(to, 1L, Long::sum);
        }
    }

    /** The changes, by current colour then new colour (GREEN, YELLOW, RED). */
    public List<Change> changes() {
        return changes.entrySet().stream()
                .flatMap(from -> from.getValue().entrySet().stream()
                        .map(to -> new Change(from.getKey(), to.getKey(), to.getValue())))
                .sorted(Comparator.comparing(Change::from).thenComparing(Change::to))
                .toList();
    }

    public long unchanged() {
        return unchanged;
    }

    public long subjects() {
        return unchanged + changes().stream().mapToLong(Change::count).sum();
    }
}
