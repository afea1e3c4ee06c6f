package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Computes a subject's risk state from what they declared, what the health authority and contact
 * tracing found, the current region risk levels and one rule set, at one instant. Plain Java: same
 * inputs, same state. An override the authority approved sets the colour while it lasts
 * (MANUAL_OVERRIDE, listed first); the rules' reasons are listed after it.
 *
 * <p>{@code previous} are the reasons of the subject's last state: a reason still running keeps
 * the {@code since} it had, so re-evaluating never moves the start of a quarantine.
 */
public final class RiskEvaluator {

    /** A fact that calls for a timed reason: known since {@code knownAt}, lasting until {@code until}. */
    private record Trigger(ReasonCode code, Instant knownAt, Instant until) {
    }

    private final RuleSet rules;
    private final LocalCalendar calendar;

    public RiskEvaluator(RuleSet rules, ZoneId zone) {
        this.rules = rules;
        this.calendar = new LocalCalendar(zone);
    }

    public RiskState evaluate(Facts facts, RegionRisks regions, List<Reason> previous, Instant now) {
        Map<ReasonCode, Reason> running = running(previous, now);
        LocalDate today = calendar.dayOf(now);
        Set<LocalDate> submissionDays = facts.submissionDays(calendar);

        Map<ReasonCode, List<Trigger>> triggers = new EnumMap<>(ReasonCode.class);
        Stream.of(travel(facts, regions, running, today, now), inboundInternational(facts, now),
                        declaredContact(facts, now), tracedContacts(facts, now))
                .flatMap(List::stream)
                .forEach(t -> triggers.computeIfAbsent(t.code(), code -> new ArrayList<>()).add(t));

        List<Reason> reasons = new ArrayList<>();
        triggers.forEach((code, list) -> timedReason(code, list, running.get(code), submissionDays, today, now)
                .ifPresent(reasons::add));
        symptoms(facts, running.get(ReasonCode.SYMPTOMS)).ifPresent(reasons::add);
        reasons.addAll(cases(facts, running));
        reasons.sort(Comparator.comparing(Reason::colour).reversed().thenComparing(Reason::code));
        boolean quarantineRuns = reasons.stream().anyMatch(Reason::isTimed);

        Colour colour = reasons.stream().map(Reason::colour).max(Comparator.naturalOrder()).orElse(Colour.GREEN);
        Optional<ManualOverride> override = facts.overrideAt(now);
        if (override.isPresent()) {
            // the authority's colour, even a lower one (a wrongful red corrected); the rules' reasons stay listed
            ManualOverride set = override.get();
            reasons.add(0, new Reason(ReasonCode.MANUAL_OVERRIDE, set.colour(), set.since(), set.until()));
            colour = set.colour();
        }
        Instant quarantineUntil = colour == Colour.GREEN ? null : reasons.stream().map(Reason::until)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Instant validUntil = facts.latest().map(s -> calendar.nextMidnight(s.declaredAt())).orElse(null);
        boolean gold = colour == Colour.GREEN && facts.latestVaccinationDoses() >= rules.fullVaccinationDoses();

        List<Instant> reviewTimes = new ArrayList<>();
        reasons.stream().map(Reason::until).filter(Objects::nonNull).forEach(reviewTimes::add);
        reviewTimes.add(validUntil);
        if (quarantineRuns) {
            reviewTimes.add(calendar.nextMidnight(now)); // a day without a check-in extends the quarantine
        }
        Instant nextReviewAt = reviewTimes.stream().filter(t -> t != null && t.isAfter(now))
                .min(Comparator.naturalOrder()).orElse(null);

        return new RiskState(colour, gold, reasons, rules.version(), quarantineUntil, validUntil, nextReviewAt);
    }

    /** Reasons of the last state that have not ended by now. */
    private static Map<ReasonCode, Reason> running(List<Reason> previous, Instant now) {
        Map<ReasonCode, Reason> running = new EnumMap<>(ReasonCode.class);
        previous.stream().filter(r -> r.until() == null || r.until().isAfter(now))
                .forEach(r -> running.put(r.code(), r));
        return running;
    }

    /**
     * HIGH_RISK_TRAVEL / MEDIUM_RISK_TRAVEL: a place within a HIGH (MEDIUM) region, from the end
     * of the stay. Known from the later of the declaration and the region's marking. A stay that
     * ended before the look-back is ignored unless its reason is already running.
     */
    private List<Trigger> travel(Facts facts, RegionRisks regions, Map<ReasonCode, Reason> running, LocalDate today,
            Instant now) {
        LocalDate lookBackStart = today.minusDays(rules.lookBackDays());
        List<Trigger> found = new ArrayList<>();
        for (Travel stay : facts.travel()) {
            regions.riskiestAreaAround(stay.regionCode()).ifPresent(area -> {
                ReasonCode code = area.level() == RiskLevel.HIGH ? ReasonCode.HIGH_RISK_TRAVEL
                        : ReasonCode.MEDIUM_RISK_TRAVEL;
                if (stay.to().isBefore(lookBackStart) && !running.containsKey(code)) {
                    return;
                }
                Instant knownAt = latest(stay.declaredAt(), area.updatedAt());
                days(code).ifPresent(days -> found.add(new Trigger(code, earliest(knownAt, now),
                        calendar.startOf(stay.to().plusDays(days)))));
            });
        }
        return found;
    }

    /** INBOUND_INTERNATIONAL: an arrival from abroad, from the arrival date. */
    private List<Trigger> inboundInternational(Facts facts, Instant now) {
        ReasonCode code = ReasonCode.INBOUND_INTERNATIONAL;
        return days(code).map(days -> facts.submissions().stream()
                .filter(s -> s.arrivalDate() != null)
                .map(s -> new Trigger(code, earliest(s.declaredAt(), now), calendar.startOf(s.arrivalDate().plusDays(days))))
                .toList()).orElse(List.of());
    }

    /** DECLARED_CONTACT: self-declared contact with a case, from the day of that declaration. */
    private List<Trigger> declaredContact(Facts facts, Instant now) {
        ReasonCode code = ReasonCode.DECLARED_CONTACT;
        return days(code).map(days -> facts.submissions().stream()
                .filter(Submission::contactWithCase)
                .map(s -> new Trigger(code, earliest(s.declaredAt(), now),
                        calendar.startOf(calendar.dayOf(s.declaredAt()).plusDays(days))))
                .toList()).orElse(List.of());
    }

    /**
     * CLOSE_CONTACT (degree 1, close or same carriage), SPATIOTEMPORAL (degree 1, same venue, wider
     * window), SECONDARY_CONTACT (degree 2): from the local day of the last exposure. Known since
     * tracing found it.
     */
    private List<Trigger> tracedContacts(Facts facts, Instant now) {
        List<Trigger> found = new ArrayList<>();
        for (Contact contact : facts.contacts()) {
            ReasonCode code = contact.reason();
            days(code).ifPresent(days -> found.add(new Trigger(code, earliest(contact.identifiedAt(), now),
                    calendar.startOf(calendar.dayOf(contact.lastExposure()).plusDays(days)))));
        }
        return found;
    }

    /**
     * CONFIRMED_CASE / SUSPECTED_CASE: a case whose latest decision confirms (suspects) it.
     * Open-ended: the decision clearing that case ends it. Known since the case took that status;
     * a running reason keeps its start unless the case was cleared (or changed status) since.
     */
    private List<Reason> cases(Facts facts, Map<ReasonCode, Reason> running) {
        Map<String, List<CaseDecision>> byCase = new LinkedHashMap<>();
        facts.cases().forEach(d -> byCase.computeIfAbsent(d.caseId(), id -> new ArrayList<>()).add(d));
        Map<ReasonCode, Instant> starts = new EnumMap<>(ReasonCode.class);
        for (List<CaseDecision> decisions : byCase.values()) {
            CaseStatus status = decisions.get(decisions.size() - 1).status();
            ReasonCode code = switch (status) {
                case CONFIRMED -> ReasonCode.CONFIRMED_CASE;
                case SUSPECTED -> ReasonCode.SUSPECTED_CASE;
                case CLEARED -> null;
            };
            if (code == null || rules.rule(code).isEmpty()) {
                continue;
            }
            Instant runStart = null;
            for (int i = decisions.size() - 1; i >= 0 && decisions.get(i).status() == status; i--) {
                runStart = decisions.get(i).decidedAt();
            }
            starts.merge(code, runStart, RiskEvaluator::earliest);
        }
        List<Reason> reasons = new ArrayList<>();
        starts.forEach((code, runStart) -> {
            Reason before = running.get(code);
            boolean sameRun = before != null && !before.since().isBefore(runStart);
            reasons.add(new Reason(code, colour(code), sameRun ? before.since() : runStart, null));
        });
        return reasons;
    }

    /**
     * One reason per code: a running reason keeps its start; a new one starts when its earliest
     * still-meaningful fact became known (a fact learned after its period ended starts nothing).
     * It ends at the latest end of its facts, pushed back by missed check-in days.
     */
    private Optional<Reason> timedReason(ReasonCode code, List<Trigger> triggers, Reason running,
            Set<LocalDate> submissionDays, LocalDate today, Instant now) {
        List<Trigger> counted = running != null ? triggers
                : triggers.stream().filter(t -> t.until().isAfter(t.knownAt())).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        Instant since = running != null ? running.since()
                : counted.stream().map(Trigger::knownAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant until = counted.stream().map(Trigger::until).max(Comparator.naturalOrder()).orElseThrow();
        Instant effectiveUntil = Quarantine.effectiveUntil(since, until, submissionDays, today, calendar);
        if (!effectiveUntil.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Reason(code, colour(code), since, effectiveUntil));
    }

    /**
     * SYMPTOMS: the latest submission reports fever (declared, or a temperature at or above the
     * threshold) or enough respiratory symptoms. Open-ended: the next submission without them ends it.
     */
    private Optional<Reason> symptoms(Facts facts, Reason running) {
        ReasonCode code = ReasonCode.SYMPTOMS;
        if (rules.rule(code).isEmpty()) {
            return Optional.empty();
        }
        List<Submission> submissions = facts.submissions();
        Instant runStart = null;
        for (int i = submissions.size() - 1; i >= 0 && symptomatic(submissions.get(i)); i--) {
            runStart = submissions.get(i).declaredAt();
        }
        if (runStart == null) {
            return Optional.empty();
        }
        // a running reason keeps its start, unless a symptom-free submission has ended it since
        boolean sameRun = running != null && !running.since().isBefore(runStart);
        return Optional.of(new Reason(code, colour(code), sameRun ? running.since() : runStart, null));
    }

    private boolean symptomatic(Submission submission) {
        return rules.symptoms().matches(submission.symptoms(), submission.temperature());
    }

    private Optional<Integer> days(ReasonCode code) {
        return rules.rule(code).map(RuleSet.ReasonRule::durationDays);
    }

    private Colour colour(ReasonCode code) {
        return rules.rule(code).orElseThrow().colour();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
