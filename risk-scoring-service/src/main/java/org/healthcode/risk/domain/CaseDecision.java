package org.healthcode.risk.domain;

import java.time.Instant;

/**
 * One decision of the health authority on a subject's case, taken at {@code decidedAt}. The latest
 * decision on a case is its status.
 */
public record CaseDecision(String caseId, CaseStatus status, Instant decidedAt) {
}
