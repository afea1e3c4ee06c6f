package org.healthcode.trace.rest;

/**
 * {@code POST /v1/cases}: the authority's decision about a subject. The gateway resolves a
 * document to its subjectId before calling. {@code regionCode} (optional) is where the case is
 * counted, within the authority's province; it defaults to the province. Dates are text
 * (ISO, {@code 2026-11-18}) so that a malformed one is reported by name like any other field.
 */
public record CaseForm(String subjectId, String status, String onsetDate, String regionCode) {
}
