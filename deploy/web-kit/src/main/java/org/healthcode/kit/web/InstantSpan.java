package org.healthcode.kit.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The instants a request's time field accepts, around now: from {@code back} before now to
 * {@code ahead} after it, both included; with no {@code back}, strictly after now ("in the
 * future"). Values are ISO-8601 with an offset ({@code 2026-12-01T00:00:00Z},
 * {@code 2026-12-01T08:00:00+08:00}). Like {@link DateSpan}: one way to read every instant a
 * request carries, and a refusal that says which instants the field takes.
 */
public record InstantSpan(Duration back, Duration ahead) {

    public InstantSpan {
        if (back.isNegative() || ahead.isNegative() || ahead.isZero()) {
            throw new IllegalArgumentException("a span reaches back from 0 and ahead more than 0");
        }
    }

    /** Strictly after now and at most {@code ahead} later. */
    public static InstantSpan future(Duration ahead) {
        return new InstantSpan(Duration.ZERO, ahead);
    }

    public boolean contains(Instant instant, Instant now) {
        boolean early = back.isZero() ? !instant.isAfter(now) : instant.isBefore(now.minus(back));
        return !early && !instant.isAfter(now.plus(ahead));
    }

    /** What a refusal says the field must be. */
    public String rule() {
        String ahead = "at most " + DateSpan.days(this.ahead.toDays()) + " ahead";
        return "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, "
                + (back.isZero() ? "in the future and " + ahead
                        : "at most " + DateSpan.days(back.toDays()) + " back and " + ahead);
    }

    /**
     * The instant in {@code value} if it is one within the span; otherwise null, after handing
     * {@code problems} the field and the {@link #rule()} (never the value). An absent or blank
     * value is null without a problem: whether the field is required is the caller's to say.
     */
    public Instant parse(String value, String field, Instant now, Consumer<ApiError.Detail> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = within(value, now);
        if (instant == null) {
            problems.accept(new ApiError.Detail(field, rule()));
        }
        return instant;
    }

    /** The instant in {@code value} if it is one within the span, else null (for callers that keep their own problems). */
    public Instant within(String value, Instant now) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return contains(instant, now) ? instant : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
