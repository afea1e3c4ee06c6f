package org.healthcode.declaration.domain;

/** The authority's answer as submitted: UPHELD or REJECTED, and a note for the citizen (never printed). */
public record AnswerForm(String decision, String note) {

    @Override
    public String toString() {
        return "AnswerForm[redacted]";
    }
}
