package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDefinitionCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode version1() throws Exception {
        return (ObjectNode) JSON.readTree(DefaultRules.json());
    }

    static List<String> fields(ObjectNode definition) {
        return RuleDefinitionCheck.problems(definition).stream().map(FieldProblem::field).toList();
    }

    static ObjectNode reason(ObjectNode definition, ReasonCode code) {
        return (ObjectNode) definition.get("reasons").get(code.name());
    }

    @Test
    void theBuiltInVersionPasses() throws Exception {
        assertEquals(List.of(), RuleDefinitionCheck.problems(version1()));
    }

    @Test
    void anUnknownReasonCodeIsNamed() throws Exception {
        ObjectNode definition = version1();
        ((ObjectNode) definition.get("reasons")).putObject("NEW_VARIANT").put("colour", "RED").put("durationDays", 7);

        assertEquals(List.of("definition.reasons.NEW_VARIANT"), fields(definition));
    }

    @Test
    void theOverrideIsNotARule() throws Exception {
        ObjectNode definition = version1();
        ((ObjectNode) definition.get("reasons")).putObject("MANUAL_OVERRIDE").put("colour", "RED");

        assertEquals(List.of("definition.reasons.MANUAL_OVERRIDE"), fields(definition));
    }

    @Test
    void everyRuleReasonIsRequired() throws Exception {
        ObjectNode definition = version1();
        ((ObjectNode) definition.get("reasons")).remove("SPATIOTEMPORAL");

        assertEquals(List.of(new FieldProblem("definition.reasons.SPATIOTEMPORAL", "required")),
                RuleDefinitionCheck.problems(definition));
    }

    @Test
    void aColourIsYellowOrRed() throws Exception {
        ObjectNode definition = version1();
        reason(definition, ReasonCode.CLOSE_CONTACT).put("colour", "PURPLE");
        reason(definition, ReasonCode.SYMPTOMS).put("colour", "GREEN");
        reason(definition, ReasonCode.SECONDARY_CONTACT).remove("colour");

        assertEquals(List.of("definition.reasons.CLOSE_CONTACT.colour", "definition.reasons.SECONDARY_CONTACT.colour",
                "definition.reasons.SYMPTOMS.colour"), fields(definition).stream().sorted().toList());
    }

    @Test
    void timedReasonsLastAWholePositiveNumberOfDays() throws Exception {
        ObjectNode definition = version1();
        reason(definition, ReasonCode.CLOSE_CONTACT).put("durationDays", -1);
        reason(definition, ReasonCode.HIGH_RISK_TRAVEL).put("durationDays", 0);
        reason(definition, ReasonCode.MEDIUM_RISK_TRAVEL).put("durationDays", 7.5);
        reason(definition, ReasonCode.INBOUND_INTERNATIONAL).putNull("durationDays");
        reason(definition, ReasonCode.DECLARED_CONTACT).put("durationDays", 366);

        assertEquals(List.of("definition.reasons.CLOSE_CONTACT.durationDays",
                "definition.reasons.DECLARED_CONTACT.durationDays", "definition.reasons.HIGH_RISK_TRAVEL.durationDays",
                "definition.reasons.INBOUND_INTERNATIONAL.durationDays",
                "definition.reasons.MEDIUM_RISK_TRAVEL.durationDays"), fields(definition).stream().sorted().toList());
    }

    @Test
    void casesAndSymptomsHaveNoNumberOfDays() throws Exception {
        ObjectNode definition = version1();
        reason(definition, ReasonCode.CONFIRMED_CASE).put("durationDays", 14);
        reason(definition, ReasonCode.SYMPTOMS).put("durationDays", 3);

        assertEquals(List.of("definition.reasons.CONFIRMED_CASE.durationDays",
                "definition.reasons.SYMPTOMS.durationDays"), fields(definition));
    }

    @Test
    void symptomThresholdsAreSensible() throws Exception {
        ObjectNode definition = version1();
        ObjectNode symptoms = (ObjectNode) definition.get("symptoms");
        symptoms.put("feverCelsius", 45.0);
        symptoms.putArray("respiratory").add("DRY_COUGH").add("SNEEZING").add("DRY_COUGH");
        symptoms.put("respiratoryNeeded", 3);

        assertEquals(List.of("definition.symptoms.feverCelsius", "definition.symptoms.respiratory[1]",
                "definition.symptoms.respiratory[2]", "definition.symptoms.respiratoryNeeded"), fields(definition));
    }

    @Test
    void vaccinationAndLookBackAreBounded() throws Exception {
        ObjectNode definition = version1();
        definition.put("fullVaccinationDoses", 0);
        definition.put("lookBackDays", "14");

        assertEquals(List.of("definition.fullVaccinationDoses", "definition.lookBackDays"), fields(definition));
    }

    @Test
    void unknownFieldsAreNamedSoThatATypoIsNotSilentlyIgnored() throws Exception {
        ObjectNode definition = version1();
        definition.put("lookbackDays", 10);
        reason(definition, ReasonCode.CLOSE_CONTACT).put("duration", 10);

        assertEquals(List.of("definition.lookbackDays", "definition.reasons.CLOSE_CONTACT.duration"),
                fields(definition).stream().sorted().toList());
    }

    @Test
    void aMissingOrMalformedDefinitionIsNamed() throws Exception {
        assertEquals(List.of(new FieldProblem("definition", "required")), RuleDefinitionCheck.problems(null));
        assertEquals(List.of(new FieldProblem("definition", "must be an object")),
                RuleDefinitionCheck.problems(JSON.readTree("[1]")));
        assertEquals(List.of("definition.reasons", "definition.symptoms", "definition.fullVaccinationDoses",
                "definition.lookBackDays"), fields(JSON.createObjectNode()));
    }

    @Test
    void aDefinitionThatPassesIsReadableAsARuleSet() throws Exception {
        ObjectNode definition = version1();
        reason(definition, ReasonCode.DECLARED_CONTACT).put("colour", "YELLOW").put("durationDays", 7);
        assertTrue(RuleDefinitionCheck.problems(definition).isEmpty());

        RuleSet rules = RuleSet.fromJson(2, definition.toString());

        assertEquals(new RuleSet.ReasonRule(Colour.YELLOW, 7), rules.rule(ReasonCode.DECLARED_CONTACT).orElseThrow());
    }
}
