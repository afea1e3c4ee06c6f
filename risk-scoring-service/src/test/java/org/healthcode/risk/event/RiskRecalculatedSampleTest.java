package org.healthcode.risk.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.region.Regions;
import org.healthcode.risk.domain.AreaRisk;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.Facts;
import org.healthcode.risk.domain.RegionRisks;
import org.healthcode.risk.domain.RiskEvaluator;
import org.healthcode.risk.domain.RiskLevel;
import org.healthcode.risk.domain.RiskState;
import org.healthcode.risk.domain.RuleSet;
import org.junit.jupiter.api.Test;

/** The published sample, the schema and the event record agree, and the sample is what the rules compute. */
class RiskRecalculatedSampleTest {

    static final Path EVENTS = Path.of("src/main/resources/events");

    @Test
    void theSampleRoundTripsThroughTheEventRecord() throws IOException {
        JsonNode sample = EventJson.MAPPER.readTree(EVENTS.resolve("risk-recalculated.sample.json").toFile());
        JavaType type = EventJson.MAPPER.getTypeFactory()
                .constructParametricType(EventEnvelope.class, RiskRecalculated.class);

        EventEnvelope<RiskRecalculated> event = EventJson.MAPPER.treeToValue(sample, type);

        assertEquals(sample, EventJson.MAPPER.valueToTree(event));
        assertEquals(event.subject(), event.data().subjectId());
    }

    @Test
    void theSampleAndWhatTheServiceWritesMatchTheSchema() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(EVENTS.resolve("risk-recalculated.schema.json")));
        JsonNode sample = EventJson.MAPPER.readTree(EVENTS.resolve("risk-recalculated.sample.json").toFile());
        assertEquals(Set.of(), schema.validate(sample));

        RiskState green = new RiskState(Colour.GREEN, true, List.of(), 1, null, Instant.parse("2026-11-22T16:00:00Z"),
                null);
        RiskRecalculated first = RiskRecalculated.of("q3Vb0mXkT2yWJ8sLr5nA1w", "330000", green, null,
                Instant.parse("2026-11-22T03:15:01.123Z"), null);
        JsonNode written = EventJson.MAPPER.valueToTree(EventEnvelope.of("0d4f7c3a-2b1e-4c5d-8e9f-a0b1c2d3e4f5",
                "cn.healthcode.risk-recalculated", "/healthcode/risk-scoring-service", Instant.now(),
                first.subjectId(), first));
        Set<ValidationMessage> problems = schema.validate(written);
        assertEquals(Set.of(), problems, "a first state: no previous colour, no cause, no reasons");
        assertTrue(written.get("data").has("previousColour"), "null fields are written, not left out");
    }

    @Test
    void theSampleIsWhatTheRulesComputeForTheContractsDeclaration() throws IOException {
        EventEnvelope<DeclarationSubmitted> declaration = new EventReader(EventJson.MAPPER)
                .read(DeclarationSubmittedContractTest.contractExample(), DeclarationSubmitted.class);
        DeclarationSubmitted data = declaration.data();
        RuleSet rules = RuleSet.fromJson(1, Files.readString(Path.of(
                "src/main/resources/db/migration/V2__default_rule_set.sql")).replaceAll("(?s)^.*?\\$\\$(.*)\\$\\$.*$", "$1"));
        RegionRisks wuhanHigh = RegionRisks.of(List.of(
                new AreaRisk("420100", RiskLevel.HIGH, Instant.parse("2026-11-15T00:00:00Z"))));
        Instant now = Instant.parse("2026-11-22T03:15:01Z");

        RiskState state = new RiskEvaluator(rules, ZoneId.of("Asia/Shanghai")).evaluate(
                new Facts(List.of(data.toSubmission()), data.toTravel()), wuhanHigh, List.of(), now);
        RiskRecalculated computed = RiskRecalculated.of(data.subjectId(), Regions.provinceOf(data.regionCode()), state,
                Colour.GREEN, now, declaration.id());

        JsonNode sample = EventJson.MAPPER.readTree(EVENTS.resolve("risk-recalculated.sample.json").toFile());
        assertEquals(sample.get("data"), EventJson.MAPPER.valueToTree(computed));
    }
}
