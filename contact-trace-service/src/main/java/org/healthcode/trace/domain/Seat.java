package org.healthcode.trace.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seat on a train, flight or bus, as a transport manifest names it: a row number and a letter
 * ({@code 05A}, {@code 12F}). Unknown for a scan (a person scanned into a carriage has no seat).
 */
public record Seat(int row, String letter) {

    /**
     * Passengers at most this many rows apart in one carriage or cabin are close (TRANSPORT): the
     * usual reach of droplets on a train or aircraft, as the row-based rule of thumb for in-flight
     * contact tracing has it (the passenger's row and the rows around it). Further apart in the same
     * carriage: a wider, spatiotemporal link only.
     */
    public static final int CLOSE_ROWS = 3;

    private static final Pattern FORM = Pattern.compile("0*(\\d{1,3})\\s*([A-Z]{1,2})");

    public Seat {
        if (row < 0 || letter == null || letter.isBlank()) {
            throw new IllegalArgumentException("a seat is a row and a letter");
        }
    }

    /** The seat written as on a ticket ({@code 05A}, {@code 5 a}), or null when it is not one. */
    public static Seat parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? new Seat(Integer.parseInt(m.group(1)), m.group(2)) : null;
    }

    /**
     * Whether two passengers sat too far apart to be close: both seats known and more than
     * {@link #CLOSE_ROWS} rows apart. An unknown seat is anywhere in the carriage: not far.
     */
    public static boolean farApart(Seat a, Seat b) {
        return a != null && b != null && Math.abs(a.row - b.row) > CLOSE_ROWS;
    }

    @Override
    public String toString() {
        return String.format("%02d%s", row, letter);
    }
}
