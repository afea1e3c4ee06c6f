package org.healthcode.kit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The calendar days a request's date field accepts, counted from today in the province's time
 * zone: from {@code daysBack} days ago to {@code daysAhead} days ahead, both included. Every date
 * a request carries is read through one of these, so that neither year 1 nor year 99999 reaches
 * the rules or a database, and the refusal says which days the field takes.
 */
public record DateSpan(int daysBack, int daysAhead) {

    public DateSpan {
        if (daysBack < 0 || daysAhead < 0) {
            throw new IllegalArgumentException("a span counts days back and ahead from 0");
        }
    }

    /** Today or up to {@code daysBack} days before it. */
    public static DateSpan past(int daysBack) {
        return new DateSpan(daysBack, 0);
    }

    public boolean contains(LocalDate date, LocalDate today) {
        return !date.isBefore(today.minusDays(daysBack)) && !date.isAfter(today.plusDays(daysAhead));
    }

    /** What a refusal says the field must be, e.g. "a date written yyyy-MM-dd, not in the future and at most 14 days back". */
    public String rule() {
        return "must be a date written yyyy-MM-dd, " + words();
    }

    /**
     * The date in {@code value} if it is an ISO date within the span; otherwise null, after
     * handing {@code problems} the field and the {@link #rule()} (never the value). An absent value
     * is null without a problem: whether the field is required is the caller's to say.
     */
    public LocalDate parse(String value, String field, LocalDate today, Consumer<ApiError.Detail> problems) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (contains(date, today)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below, with the same words as a date out of the span
        }
        problems.accept(new ApiError.Detail(field, rule()));
        return null;
    }

    private String words() {
        if (daysBack == 0 && daysAhead == 0) {
            return "today";
        }
        if (daysAhead == 0) {
            return "not in the future and at most " + days(daysBack) + " back";
        }
        if (daysBack == 0) {
            return "not in the past and at most " + days(daysAhead) + " ahead";
        }
        return "at most " + days(daysBack) + " back and at most " + days(daysAhead) + " ahead";
    }

    static String days(long count) {
        return count + (count == 1 ? " day" : " days");
    }
}
