package org.healthcode.risk.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.healthcode.risk.domain.Facts;
import org.healthcode.risk.domain.Submission;
import org.healthcode.risk.repository.CaseDecisionRow;
import org.healthcode.risk.repository.ContactRow;
import org.healthcode.risk.repository.OverrideRow;
import org.healthcode.risk.repository.SubmissionRow;
import org.healthcode.risk.repository.TravelRow;

/**
 * Splits facts loaded for many subjects at once (from the earliest window among them) into each
 * subject's facts within that subject's own window, as if loaded one subject at a time.
 */
final class FactsBySubject {

    private FactsBySubject() {
    }

    /** {@code windows}: each subject's window start; every subject gets facts, empty ones included. */
    static Map<String, Facts> of(Map<String, Instant> windows, List<SubmissionRow> submissions, List<TravelRow> travel,
            List<ContactRow> contacts, List<CaseDecisionRow> cases, List<OverrideRow> overrides) {
        Map<String, List<SubmissionRow>> declared = group(submissions, row -> row.subjectId);
        Map<String, List<TravelRow>> stays = group(travel, row -> row.subjectId);
        Map<String, List<ContactRow>> traced = group(contacts, row -> row.subjectId);
        Map<String, List<CaseDecisionRow>> decided = group(cases, row -> row.subjectId);
        Map<String, List<OverrideRow>> overridden = group(overrides, row -> row.subjectId);
        Map<String, Facts> facts = new HashMap<>();
        windows.forEach((subjectId, from) -> facts.put(subjectId, new Facts(
                submissionsWithin(declared.getOrDefault(subjectId, List.of()), from),
                stays.getOrDefault(subjectId, List.of()).stream().filter(row -> !row.declaredAt.isBefore(from))
                        .map(TravelRow::toTravel).toList(),
                decided.getOrDefault(subjectId, List.of()).stream().map(CaseDecisionRow::toDecision).toList(),
                traced.getOrDefault(subjectId, List.of()).stream().filter(row -> !row.identifiedAt.isBefore(from))
                        .map(ContactRow::toContact).toList(),
                overridden.getOrDefault(subjectId, List.of()).stream()
                        .flatMap(row -> row.toOverride().inForce().stream()).toList())));
        return facts;
    }

    /** Submissions since {@code from}, plus the latest one and the latest full declaration however old. */
    private static List<Submission> submissionsWithin(List<SubmissionRow> rows, Instant from) {
        Instant latest = rows.stream().map(row -> row.declaredAt).max(Comparator.naturalOrder()).orElse(null);
        Instant latestFull = rows.stream().filter(row -> "FULL".equals(row.kind)).map(row -> row.declaredAt)
                .max(Comparator.naturalOrder()).orElse(null);
        return rows.stream()
                .filter(row -> !row.declaredAt.isBefore(from) || row.declaredAt.equals(latest)
                        || row.declaredAt.equals(latestFull))
                .map(SubmissionRow::toSubmission).toList();
    }

    private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> subject) {
        Map<String, List<T>> grouped = new HashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(subject.apply(row), id -> new ArrayList<>()).add(row));
        return grouped;
    }
}
