package org.healthcode.declaration.domain;

/**
 * Checks appeals, answers and the authority's queue question, and answers their validated
 * content or refuses with every problem at once (never quoting the text).
 */
public final class AppealValidator {

    public static final int MAX_TEXT = 1000;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** A validated appeal: {@code subjectId} null means the account holder themself. */
    public record Filing(String subjectId, String reason) {

        @Override
        public String toString() {
            return "Filing[" + (subjectId == null ? "self" : subjectId) + "]";
        }
    }

    public record Answer(AppealDecision decision, String note) {

        @Override
        public String toString() {
            return "Answer[" + decision + "]";
        }
    }

    /** Which appeals of the caller's province, and at most how many. */
    public record Queue(AppealStatus status, int limit) {
    }

    private AppealValidator() {
    }

    public static Filing filing(AppealForm form) {
        Violations problems = new Violations();
        if (form == null) {
            problems.add("body", "is required");
            problems.throwIfAny();
        }
        String subjectId = form.subjectId();
        if (subjectId != null) {
            subjectId = subjectId.strip();
            if (subjectId.isEmpty()) {
                problems.add("subjectId", "must be a subjectId, or left out to appeal for yourself");
            }
        }
        String reason = text(form.reason(), "reason", problems);
        problems.throwIfAny();
        return new Filing(subjectId, reason);
    }

    public static Answer answer(AnswerForm form) {
        Violations problems = new Violations();
        if (form == null) {
            problems.add("body", "is required");
            problems.throwIfAny();
        }
        AppealDecision decision = problems.oneOf(AppealDecision.class, form.decision(), "decision");
        String note = text(form.note(), "note", problems);
        problems.throwIfAny();
        return new Answer(decision, note);
    }

    /** {@code status} defaults to OPEN, {@code limit} to {@value #DEFAULT_LIMIT} (at most {@value #MAX_LIMIT}). */
    public static Queue queue(String status, String limit) {
        Violations problems = new Violations();
        AppealStatus wanted = status == null ? AppealStatus.OPEN
                : problems.oneOf(AppealStatus.class, status, "status");
        int max = problems.limit(limit, "limit", DEFAULT_LIMIT, MAX_LIMIT);
        problems.throwIfAny();
        return new Queue(wanted, max);
    }

    private static String text(String raw, String field, Violations problems) {
        if (problems.required(raw, field) == null) {
            return null;
        }
        String text = FreeText.normalise(raw, MAX_TEXT).orElse(null);
        if (text == null) {
            problems.add(field, "must be 1 to " + MAX_TEXT + " characters without control characters other than line breaks");
        }
        return text;
    }
}
