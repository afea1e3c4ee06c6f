package org.healthcode.risk.domain;

/** What is wrong with one field of a request: the field's name (or path) and the problem, never its value. */
public record FieldProblem(String field, String problem) {
}
