package org.healthcode.declaration.domain;

/**
 * An appeal as a citizen submits it: for themself ({@code subjectId} left out) or for one of their
 * dependents. The reason is personal, so the form never prints it.
 */
public record AppealForm(String subjectId, String reason) {

    @Override
    public String toString() {
        return "AppealForm[redacted]";
    }
}
