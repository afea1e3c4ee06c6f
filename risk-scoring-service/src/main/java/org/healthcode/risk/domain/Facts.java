package org.healthcode.risk.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything known about a subject within the evaluation window: what they declared, and what the
 * health authority and contact tracing found (case decisions, contacts). Facts accumulate: a later
 * declaration adds to the earlier ones and never erases them.
 */
public record Facts(List<Submission> submissions, List<Travel> travel, List<CaseDecision> cases,
        List<Contact> contacts) {

    public Facts {
        submissions = submissions.stream().sorted(Comparator.comparing(Submission::declaredAt)).toList();
        travel = List.copyOf(travel);
        cases = cases.stream().sorted(Comparator.comparing(CaseDecision::decidedAt)).toList();
        contacts = List.copyOf(contacts);
    }

    /** Declared facts only: no case decision, no traced contact. */
    public Facts(List<Submission> submissions, List<Travel> travel) {
        this(submissions, travel, List.of(), List.of());
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
