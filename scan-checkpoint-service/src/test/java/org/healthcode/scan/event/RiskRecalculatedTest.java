package org.healthcode.scan.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.CurrentColour;
import org.junit.jupiter.api.Test;

/** This consumer reads what risk-scoring writes: the producer's own sample, from the producer's module. */
class RiskRecalculatedTest {

    static final Path PRODUCER_SAMPLE = Path.of("../risk-scoring-service/src/main/resources/events/risk-recalculated.sample.json");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final EventReader reader = new EventReader(json);

    @Test
    void readsTheProducersSample() throws Exception {
        assertTrue(Files.exists(PRODUCER_SAMPLE), "risk-scoring-service publishes its sample");
        EventEnvelope<RiskRecalculated> event = reader.read(Files.readString(PRODUCER_SAMPLE), RiskRecalculated.class);
        CurrentColour colour = event.data().toCurrentColour();
        assertEquals("cn.healthcode.risk-recalculated", event.type());
        assertEquals(event.subject(), colour.subjectId());
        assertTrue(SubjectId.isValid(colour.subjectId()));
        assertEquals(Colour.RED, colour.colour());
        assertEquals("330000", colour.province());
        assertEquals(Instant.parse("2026-11-22T03:15:01Z"), colour.evaluatedAt());
    }

    @Test
    void anEventADecisionCannotRestOnIsUnreadable() throws Exception {
        String sample = Files.readString(PRODUCER_SAMPLE);
        assertThrows(UnreadableEventException.class, () -> reader.read(
                sample.replace("\"colour\": \"RED\",\n    \"previousColour\"", "\"colour\": \"PURPLE\",\n    \"previousColour\""),
                RiskRecalculated.class));
        assertThrows(UnreadableEventException.class, () -> reader.read(
                sample.replace("\"evaluatedAt\": \"2026-11-22T03:15:01Z\",", ""), RiskRecalculated.class)
                .data().toCurrentColour());
        assertThrows(UnreadableEventException.class, () -> reader.read(
                sample.replace("\"subjectId\": \"q3Vb0mXkT2yWJ8sLr5nA1w\"", "\"subjectId\": \"x\""), RiskRecalculated.class)
                .data().toCurrentColour());
    }
}
