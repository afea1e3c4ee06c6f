package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.healthcode.risk.domain.RuleSet.ReasonRule;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    @Test
    void theMigratedVersionOneHoldsTheDesignDefaults() {
        RuleSet rules = DefaultRules.version1();

        assertEquals(1, rules.version());
        assertEquals(Map.of(
                ReasonCode.CONFIRMED_CASE, new ReasonRule(Colour.RED, null),
                ReasonCode.SUSPECTED_CASE, new ReasonRule(Colour.RED, null),
                ReasonCode.CLOSE_CONTACT, new ReasonRule(Colour.RED, 14),
                ReasonCode.HIGH_RISK_TRAVEL, new ReasonRule(Colour.RED, 14),
                ReasonCode.INBOUND_INTERNATIONAL, new ReasonRule(Colour.RED, 14),
                ReasonCode.DECLARED_CONTACT, new ReasonRule(Colour.RED, 14),
                ReasonCode.SECONDARY_CONTACT, new ReasonRule(Colour.YELLOW, 7),
                ReasonCode.SPATIOTEMPORAL, new ReasonRule(Colour.YELLOW, 7),
                ReasonCode.MEDIUM_RISK_TRAVEL, new ReasonRule(Colour.YELLOW, 7),
                ReasonCode.SYMPTOMS, new ReasonRule(Colour.YELLOW, null)), rules.reasons());
        assertEquals(0, new BigDecimal("37.3").compareTo(rules.symptoms().feverCelsius()));
        assertEquals(Set.of("DRY_COUGH", "STUFFY_NOSE", "RUNNY_NOSE", "SORE_THROAT"), rules.symptoms().respiratory());
        assertEquals(2, rules.symptoms().respiratoryNeeded());
        assertEquals(2, rules.fullVaccinationDoses());
        assertEquals(14, rules.lookBackDays());
    }

    @Test
    void aCodeThisServiceDoesNotKnowIsLeftOutInsteadOfFailing() {
        RuleSet rules = RuleSet.fromJson(7, DefaultRules.json().replace("\"reasons\": {",
                "\"reasons\": {\"FUTURE_REASON\": {\"colour\": \"RED\", \"durationDays\": 3},"));

        assertEquals(7, rules.version());
        assertEquals(10, rules.reasons().size());
    }

    @Test
    void aDefinitionWithoutItsThresholdsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RuleSet.fromJson(2, "{\"reasons\": {}}"));
        assertThrows(IllegalArgumentException.class, () -> RuleSet.fromJson(2, "not json"));
    }

    @Test
    void symptomsAreFeverOrEnoughRespiratorySymptoms() {
        RuleSet.SymptomRule rule = DefaultRules.version1().symptoms();

        assertTrue(rule.matches(Set.of("FEVER"), null));
        assertTrue(rule.matches(Set.of(), new BigDecimal("37.3")));
        assertFalse(rule.matches(Set.of(), new BigDecimal("37.2")));
        assertTrue(rule.matches(Set.of("DRY_COUGH", "SORE_THROAT"), new BigDecimal("36.5")));
        assertFalse(rule.matches(Set.of("DRY_COUGH", "FATIGUE", "DIARRHOEA"), new BigDecimal("36.5")));
    }
}
