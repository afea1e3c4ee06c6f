package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What every rule's test starts from; times are local to Asia/Shanghai (UTC+8). */
abstract class EvaluatorFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY0 = LocalDate.of(2026, 11, 22);
    static final Instant DECLARED = at(DAY0, 10);
    static final BigDecimal NORMAL = new BigDecimal("36.6");

    final RuleSet rules = DefaultRules.version1();
    final RiskEvaluator evaluator = new RiskEvaluator(rules, ZONE);

    final List<Submission> submissions = new ArrayList<>();
    final List<Travel> travel = new ArrayList<>();
    final List<AreaRisk> areas = new ArrayList<>();
    final List<CaseDecision> cases = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final List<ManualOverride> overrides = new ArrayList<>();
    List<Reason> previous = List.of();

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    Submission declaration(Instant when, boolean contact, LocalDate arrival, Integer doses, String... symptoms) {
        Submission submission = new Submission(when, true, "330106", Set.of(symptoms), NORMAL, doses, contact, arrival);
        submissions.add(submission);
        return submission;
    }

    Submission declaration(Instant when) {
        return declaration(when, false, null, 0);
    }

    void checkIn(Instant when, BigDecimal temperature, String... symptoms) {
        submissions.add(Submission.checkIn(when, "330106", Set.of(symptoms), temperature));
    }

    void checkIn(Instant when) {
        checkIn(when, NORMAL);
    }

    void stay(String region, LocalDate to, Instant declaredAt) {
        travel.add(new Travel(region, to.minusDays(2), to, declaredAt));
    }

    void mark(String region, RiskLevel level, Instant when) {
        areas.add(new AreaRisk(region, level, when));
    }

    void decide(String caseId, CaseStatus status, Instant when) {
        cases.add(new CaseDecision(caseId, status, when));
    }

    void contact(int degree, Exposure exposure, Instant lastExposure, Instant identifiedAt) {
        contacts.add(new Contact("case-1", degree, exposure, lastExposure, identifiedAt));
    }

    void override(Colour colour, Instant approvedAt, Instant until) {
        overrides.add(new ManualOverride(colour, approvedAt, until));
    }

    RiskState evaluate(Instant now) {
        RiskState state = evaluator.evaluate(new Facts(submissions, travel, cases, contacts, overrides),
                RegionRisks.of(areas), previous, now);
        previous = state.reasons();
        return state;
    }

    static Reason only(RiskState state) {
        assertEquals(1, state.reasons().size(), state.reasons().toString());
        return state.reasons().get(0);
    }
}
