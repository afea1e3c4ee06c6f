package org.healthcode.risk.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.healthcode.kit.web.InstantSpan;

/**
 * An authority's proposal to set a subject's colour until a given time, checked: a pseudonym, a
 * colour, a justification of 1–500 characters and an end in the future, at most 30 days ahead (kept
 * to the millisecond, like every time the service stores).
 */
public record OverrideProposal(String subjectId, Colour colour, String justification, Instant until) {

    public static final int MAX_JUSTIFICATION = 500;
    public static final Duration LONGEST = Duration.ofDays(30);
    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final InstantSpan END = InstantSpan.future(LONGEST);

    /** A proposal, or every problem found with the fields it came from. */
    public record Checked(OverrideProposal proposal, List<FieldProblem> problems) {
    }

    public static Checked check(String subjectId, String colour, String justification, String until, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            problems.add(new FieldProblem("subjectId", "must be a subject's pseudonym (22 characters)"));
        }
        Colour parsedColour = Arrays.stream(Colour.values()).filter(c -> c.name().equals(colour)).findFirst()
                .orElse(null);
        if (parsedColour == null) {
            problems.add(new FieldProblem("colour", "must be GREEN, YELLOW or RED"));
        }
        if (justification == null || justification.isBlank()) {
            problems.add(new FieldProblem("justification", "required"));
        } else if (justification.codePointCount(0, justification.length()) > MAX_JUSTIFICATION) {
            problems.add(new FieldProblem("justification", "at most " + MAX_JUSTIFICATION + " characters"));
        }
        Instant end = END.within(until, now);
        if (end == null) {
            problems.add(new FieldProblem("until", END.rule()));
        } else {
            end = end.truncatedTo(ChronoUnit.MILLIS);
        }
        return problems.isEmpty() ? new Checked(new OverrideProposal(subjectId, parsedColour, justification, end),
                List.of()) : new Checked(null, List.copyOf(problems));
    }

    /**
     * Until when a second authority may approve it: {@code ttl} after the proposal, and never
     * after the end it proposes (approving it then would set nothing).
     */
    public Instant expiresAt(Instant proposedAt, Duration ttl) {
        Instant expiry = proposedAt.plus(ttl);
        return expiry.isBefore(until) ? expiry : until;
    }
}
