package org.healthcode.risk.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of the rules, as data (the {@code definition} of a {@code rule_set} row): per reason
 * its colour and duration, what counts as symptoms, what counts as fully vaccinated, and how far
 * back declared facts count.
 */
public record RuleSet(
        int version,
        Map<ReasonCode, ReasonRule> reasons,
        SymptomRule symptoms,
        int fullVaccinationDoses,
        int lookBackDays) {

    /** Colour of a reason and how many days it lasts; {@code durationDays} null = open-ended. */
    public record ReasonRule(Colour colour, Integer durationDays) {
    }

    /** Fever at or above {@code feverCelsius}, or at least {@code respiratoryNeeded} of {@code respiratory}. */
    public record SymptomRule(BigDecimal feverCelsius, Set<String> respiratory, int respiratoryNeeded) {

        public boolean matches(Set<String> symptoms, BigDecimal temperature) {
            boolean fever = symptoms.contains("FEVER")
                    || (temperature != null && temperature.compareTo(feverCelsius) >= 0);
            long respiratoryCount = symptoms.stream().filter(respiratory::contains).count();
            return fever || respiratoryCount >= respiratoryNeeded;
        }
    }

    private record Definition(Map<String, ReasonRule> reasons, SymptomRule symptoms, Integer fullVaccinationDoses,
            Integer lookBackDays) {
    }

    private static final Set<String> KNOWN_CODES = Arrays.stream(ReasonCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RuleSet {
        reasons = Map.copyOf(reasons);
    }

    public Optional<ReasonRule> rule(ReasonCode code) {
        return Optional.ofNullable(reasons.get(code));
    }

    /** The longest a declared fact can matter: the look-back or the longest timed reason. */
    public int longestDays() {
        return reasons.values().stream().map(ReasonRule::durationDays).filter(d -> d != null)
                .reduce(lookBackDays, Math::max);
    }

    /** Reads a definition; codes this version of the service does not know are left out. */
    public static RuleSet fromJson(int version, String json) {
        Definition definition;
        try {
            definition = JSON.readValue(json, Definition.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("rule set " + version + " is not a readable definition", e);
        }
        if (definition.reasons() == null || definition.symptoms() == null || definition.fullVaccinationDoses() == null
                || definition.lookBackDays() == null || definition.symptoms().feverCelsius() == null
                || definition.symptoms().respiratory() == null) {
            throw new IllegalArgumentException("rule set " + version + " lacks reasons, symptoms, "
                    + "fullVaccinationDoses or lookBackDays");
        }
        Map<ReasonCode, ReasonRule> reasons = new EnumMap<>(ReasonCode.class);
        definition.reasons().forEach((code, rule) -> {
            if (KNOWN_CODES.contains(code) && rule.colour() != null) {
                reasons.put(ReasonCode.valueOf(code), rule);
            }
        });
        return new RuleSet(version, reasons, definition.symptoms(), definition.fullVaccinationDoses(),
                definition.lookBackDays());
    }
}
