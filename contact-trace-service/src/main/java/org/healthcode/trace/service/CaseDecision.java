package org.healthcode.trace.service;

import java.time.LocalDate;
import org.healthcode.trace.domain.CaseStatus;

/**
 * A validated decision of the health authority about a subject.
 *
 * @param province   the deciding authority's province: the case's
 * @param regionCode where the case is counted; the province itself when not given
 * @param decidedBy  the staff account (token subject) that decided, for the decision log
 */
public record CaseDecision(String subjectId, CaseStatus status, LocalDate onsetDate, String regionCode,
        String province, String decidedBy) {
}
