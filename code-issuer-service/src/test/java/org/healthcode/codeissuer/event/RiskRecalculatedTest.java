package org.healthcode.codeissuer.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** This consumer reads what risk-scoring writes: the contract's example and the producer's own sample. */
class RiskRecalculatedTest {

    static final Path PRODUCER_SAMPLE = Path.of("../risk-scoring-service/src/main/resources/events/risk-recalculated.sample.json");
    private static final String SUBJECT = "q3Z-_0aBcDeFgHiJkLmNoP";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final EventReader reader = new EventReader(json);

    /** risk-recalculated data as DESIGN.md (Events) lists its fields, with a real 22-character subject id. */
    static String contractData(String subjectId) {
        return """
                {"subjectId":"%s","colour":"RED","previousColour":"GREEN","gold":false,
                 "reasons":[{"code":"HIGH_RISK_TRAVEL","colour":"RED","since":"2026-11-22T03:15:00Z","until":"2026-11-26T16:00:00Z"}],
                 "ruleSetVersion":1,"quarantineUntil":"2026-11-26T16:00:00Z","validUntil":"2026-11-22T16:00:00Z",
                 "province":"330000","evaluatedAt":"2026-11-22T03:15:01Z","causeEventId":null}""".formatted(subjectId);
    }

    static String envelope(String subjectId, String data) {
        return """
                {"specversion":"1.0","id":"5f0c1d7e-3a57-4c1b-9d7e-0c6f1f3e2a10","type":"cn.healthcode.risk-recalculated",
                 "source":"/healthcode/risk-scoring-service","time":"2026-11-22T03:15:01Z","subject":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(subjectId, data);
    }

    @Test
    void readsTheContractsEvent() {
        CurrentColour colour = reader.read(envelope(SUBJECT, contractData(SUBJECT)), RiskRecalculated.class).data()
                .toCurrentColour();
        assertEquals(SUBJECT, colour.subjectId());
        assertEquals(Colour.RED, colour.colour());
        assertEquals(false, colour.gold());
        assertEquals(Instant.parse("2026-11-22T16:00:00Z"), colour.validUntil());
        assertEquals(Instant.parse("2026-11-26T16:00:00Z"), colour.quarantineUntil());
        assertEquals(Instant.parse("2026-11-22T03:15:01Z"), colour.evaluatedAt());
        assertEquals("HIGH_RISK_TRAVEL", colour.reasons().get(0).code());
        assertEquals(Instant.parse("2026-11-26T16:00:00Z"), colour.reasons().get(0).until());
    }

    @Test
    void readsTheProducersSample() throws Exception {
        Assertions.assertTrue(Files.exists(PRODUCER_SAMPLE), "risk-scoring-service's sample is missing: the contract cannot be checked (" + PRODUCER_SAMPLE + ")");
        EventEnvelope<RiskRecalculated> event = reader.read(Files.readString(PRODUCER_SAMPLE), RiskRecalculated.class);
        CurrentColour colour = event.data().toCurrentColour();
        assertEquals(event.subject(), colour.subjectId());
        assertEquals(true, SubjectId.isValid(colour.subjectId()));
        assertEquals("cn.healthcode.risk-recalculated", event.type());
    }

    @Test
    void openEndedReasonsAndAFirstStateAreFine() {
        String data = contractData(SUBJECT).replace("\"until\":\"2026-11-26T16:00:00Z\"", "\"until\":null")
                .replace("\"previousColour\":\"GREEN\"", "\"previousColour\":null")
                .replace("\"quarantineUntil\":\"2026-11-26T16:00:00Z\"", "\"quarantineUntil\":null");
        CurrentColour colour = reader.read(envelope(SUBJECT, data), RiskRecalculated.class).data().toCurrentColour();
        assertNull(colour.reasons().get(0).until());
        assertNull(colour.quarantineUntil());
    }

    @Test
    void anEventACodeCannotBeMadeFromIsUnreadable() {
        String good = contractData(SUBJECT);
        assertThrows(UnreadableEventException.class,
                () -> reader.read(envelope(SUBJECT, good.replace("\"colour\":\"RED\",\"previous", "\"colour\":\"PURPLE\",\"previous")),
                        RiskRecalculated.class));
        assertThrows(UnreadableEventException.class, () -> reader.read(envelope(SUBJECT,
                good.replace("\"evaluatedAt\":\"2026-11-22T03:15:01Z\",", "")), RiskRecalculated.class).data().toCurrentColour());
        assertThrows(UnreadableEventException.class, () -> reader.read(envelope("not-a-pseudonym",
                contractData("not-a-pseudonym")), RiskRecalculated.class).data().toCurrentColour());
        assertThrows(UnreadableEventException.class, () -> reader.read(envelope(SUBJECT,
                good.replace("\"code\":\"HIGH_RISK_TRAVEL\",", "")), RiskRecalculated.class).data().toCurrentColour());
    }
}
