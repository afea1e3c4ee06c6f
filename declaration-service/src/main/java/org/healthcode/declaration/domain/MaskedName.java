package org.healthcode.declaration.domain;

/** A subject's masked name: all that staff may learn of who a pseudonym is. */
public record MaskedName(String subjectId, String maskedName) {
}
