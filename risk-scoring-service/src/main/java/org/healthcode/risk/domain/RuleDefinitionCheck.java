package org.healthcode.risk.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a rule-set definition an authority wants to dry-run or publish (the JSON shape of
 * {@code rule_set.definition}): every rule reason present, with a colour and, for timed reasons, a
 * number of days; symptom thresholds and the other numbers within sensible bounds; nothing
 * unknown. Answers every problem at once, each naming its field ({@code definition.…}); never
 * echoes a value.
 */
public final class RuleDefinitionCheck {

    /** Reasons that end by a decision or a later submission, not after a number of days. */
    static final Set<ReasonCode> OPEN_ENDED = EnumSet.of(ReasonCode.CONFIRMED_CASE, ReasonCode.SUSPECTED_CASE,
            ReasonCode.SYMPTOMS);

    /** The reasons a rule set defines: all but MANUAL_OVERRIDE, whose colour and end the authority sets. */
    static final Set<ReasonCode> RULE_REASONS = EnumSet.complementOf(EnumSet.of(ReasonCode.MANUAL_OVERRIDE));

    static final Set<String> SYMPTOM_CODES = Set.of("FEVER", "FATIGUE", "DRY_COUGH", "STUFFY_NOSE", "RUNNY_NOSE",
            "SORE_THROAT", "DIARRHOEA");

    static final int MAX_DURATION_DAYS = 365;
    static final int MAX_LOOK_BACK_DAYS = 60;
    static final int MAX_DOSES = 10;
    static final BigDecimal LOWEST_FEVER = new BigDecimal("35.0");
    static final BigDecimal HIGHEST_FEVER = new BigDecimal("42.0");

    private static final Set<String> TOP_LEVEL = Set.of("reasons", "symptoms", "fullVaccinationDoses", "lookBackDays");
    private static final Set<String> REASON_FIELDS = Set.of("colour", "durationDays");
    private static final Set<String> SYMPTOM_FIELDS = Set.of("feverCelsius", "respiratory", "respiratoryNeeded");
    private static final Set<String> REASON_NAMES = Arrays.stream(ReasonCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final List<FieldProblem> problems = new ArrayList<>();

    private RuleDefinitionCheck() {
    }

    /** Every problem of the definition; empty when it can be dry-run and published. */
    public static List<FieldProblem> problems(JsonNode definition) {
        RuleDefinitionCheck check = new RuleDefinitionCheck();
        check.definition(definition);
        return List.copyOf(check.problems);
    }

    private void definition(JsonNode definition) {
        if (definition == null || definition.isNull() || definition.isMissingNode()) {
            problem("definition", "required");
            return;
        }
        if (!definition.isObject()) {
            problem("definition", "must be an object");
            return;
        }
        unknownFields(definition, TOP_LEVEL, "definition");
        reasons(definition.get("reasons"));
        symptoms(definition.get("symptoms"));
        wholeNumber(definition.get("fullVaccinationDoses"), "definition.fullVaccinationDoses", 1, MAX_DOSES);
        wholeNumber(definition.get("lookBackDays"), "definition.lookBackDays", 1, MAX_LOOK_BACK_DAYS);
    }

    private void reasons(JsonNode reasons) {
        String path = "definition.reasons";
        if (!isObject(reasons, path)) {
            return;
        }
        for (Iterator<String> names = reasons.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REASON_NAMES.contains(name)) {
                problem(path + "." + name, "unknown reason code");
            } else if (ReasonCode.valueOf(name) == ReasonCode.MANUAL_OVERRIDE) {
                problem(path + "." + name, "set by overrides, not by rules");
            }
        }
        for (ReasonCode code : RULE_REASONS) {
            JsonNode rule = reasons.get(code.name());
            String field = path + "." + code.name();
            if (rule == null || rule.isNull()) {
                problem(field, "required");
                continue;
            }
            if (!isObject(rule, field)) {
                continue;
            }
            unknownFields(rule, REASON_FIELDS, field);
            JsonNode colour = rule.get("colour");
            if (colour == null || !colour.isTextual()
                    || !(colour.asText().equals("YELLOW") || colour.asText().equals("RED"))) {
                problem(field + ".colour", "must be YELLOW or RED");
            }
            JsonNode days = rule.get("durationDays");
            if (OPEN_ENDED.contains(code)) {
                if (days != null && !days.isNull()) {
                    problem(field + ".durationDays", code == ReasonCode.SYMPTOMS
                            ? "must be null: a submission without symptoms ends it"
                            : "must be null: the authority's decision ends it");
                }
            } else {
                wholeNumber(days, field + ".durationDays", 1, MAX_DURATION_DAYS);
            }
        }
    }

    private void symptoms(JsonNode symptoms) {
        String path = "definition.symptoms";
        if (!isObject(symptoms, path)) {
            return;
        }
        unknownFields(symptoms, SYMPTOM_FIELDS, path);
        JsonNode fever = symptoms.get("feverCelsius");
        if (fever == null || !fever.isNumber() || fever.decimalValue().compareTo(LOWEST_FEVER) < 0
                || fever.decimalValue().compareTo(HIGHEST_FEVER) > 0) {
            problem(path + ".feverCelsius", "must be a temperature from " + LOWEST_FEVER + " to " + HIGHEST_FEVER);
        }
        JsonNode respiratory = symptoms.get("respiratory");
        int listed = 0;
        if (respiratory == null || !respiratory.isArray()) {
            problem(path + ".respiratory", "must be a list of symptom codes");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < respiratory.size(); i++) {
                JsonNode code = respiratory.get(i);
                if (!code.isTextual() || !SYMPTOM_CODES.contains(code.asText())) {
                    problem(path + ".respiratory[" + i + "]", "unknown symptom code");
                } else if (!seen.add(code.asText())) {
                    problem(path + ".respiratory[" + i + "]", "listed twice");
                }
            }
            listed = seen.size();
        }
        JsonNode needed = symptoms.get("respiratoryNeeded");
        if (wholeNumber(needed, path + ".respiratoryNeeded", 1, SYMPTOM_CODES.size()) && listed > 0
                && needed.asInt() > listed) {
            problem(path + ".respiratoryNeeded", "must not exceed the number of respiratory symptoms listed");
        }
    }

    private boolean isObject(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            problem(field, "required");
            return false;
        }
        if (!node.isObject()) {
            problem(field, "must be an object");
            return false;
        }
        return true;
    }

    private boolean wholeNumber(JsonNode node, String field, int min, int max) {
        if (node == null || node.isNull()) {
            problem(field, "required");
            return false;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problem(field, "must be a whole number from " + min + " to " + max);
            return false;
        }
        return true;
    }

    private void unknownFields(JsonNode node, Set<String> known, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path + "." + name, "unknown field");
            }
        }
    }

    private void problem(String field, String problem) {
        problems.add(new FieldProblem(field, problem));
    }
}
