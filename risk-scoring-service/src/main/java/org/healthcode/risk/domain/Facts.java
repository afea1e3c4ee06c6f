package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything known about a subject within the evaluation window: what they declared, what the
 * health authority and contact tracing found (case decisions, contacts), and the colours the
 * authority set by approved overrides. Facts accumulate: a later declaration adds to the earlier
 * ones and never erases them.
 */
public record Facts(List<Submission> submissions, List<Travel> travel, List<CaseDecision> cases,
        List<Contact> contacts, List<ManualOverride> overrides) {

    public Facts {
        submissions = submissions.stream().sorted(Comparator.comparing(Submission::declaredAt)).toList();
        travel = List.copyOf(travel);
        cases = cases.stream().sorted(Comparator.comparing(CaseDecision::decidedAt)).toList();
        contacts = List.copyOf(contacts);
        overrides = overrides.stream().sorted(Comparator.comparing(ManualOverride::since)).toList();
    }

    /** Without overrides. */
    public Facts(List<Submission> submissions, List<Travel> travel, List<CaseDecision> cases, List<Contact> contacts) {
        this(submissions, travel, cases, contacts, List.of());
    }

    /** Declared facts only: no case decision, no traced contact. */
    public Facts(List<Submission> submissions, List<Travel> travel) {
        this(submissions, travel, List.of(), List.of(), List.of());
    }

    /** The override in force at {@code now}: of several, the one approved last. */
    public Optional<ManualOverride> overrideAt(Instant now) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).isActiveAt(now)) {
                return Optional.of(overrides.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<Submission> latest() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(submissions.size() - 1));
    }

    /** Doses of the latest declaration that stated them (check-ins do not); 0 when never stated. */
    public int latestVaccinationDoses() {
        for (int i = submissions.size() - 1; i >= 0; i--) {
            Submission submission = submissions.get(i);
            if (submission.full()) {
                return submission.vaccinationDoses() == null ? 0 : submission.vaccinationDoses();
            }
        }
        return 0;
    }

    /** The local days on which the subject declared or checked in. */
    public Set<LocalDate> submissionDays(LocalCalendar calendar) {
        return submissions.stream().map(s -> calendar.dayOf(s.declaredAt())).collect(Collectors.toSet());
    }
}
