package org.healthcode.trace.rest;

import java.util.UUID;
import org.healthcode.trace.domain.CaseChange;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.service.CaseService;

/**
 * The answer to {@code POST /v1/cases}: the case ({@code id}, {@code subjectId}, {@code status}),
 * what the decision did ({@code change}: OPENED, CHANGED, UNCHANGED, NOTHING_TO_CLEAR) and, for a
 * confirmation, how many contacts tracing found and how many of them were new (published now).
 */
public record CaseDecided(UUID id, String subjectId, CaseStatus status, String province, CaseChange change,
        Integer contactsFound, Integer contactsPublished) {

    static CaseDecided of(CaseService.Outcome outcome) {
        var c = outcome.c();
        var trace = outcome.trace();
        return new CaseDecided(c.id(), c.subjectId(), c.status(), c.province(), outcome.change(),
                trace == null ? null : trace.found(), trace == null ? null : trace.published());
    }
}
