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
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.CurrentPaper;
import org.junit.jupiter.api.Test;

/** This consumer reads what code-issuer writes: the producer's own sample, from the producer's module. */
class PaperCodeIssuedTest {

    static final Path PRODUCER_SAMPLE = Path.of("../code-issuer-service/src/main/resources/events/paper-code-issued.sample.json");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final EventReader reader = new EventReader(json);

    @Test
    void readsTheProducersSample() throws Exception {
        assertTrue(Files.exists(PRODUCER_SAMPLE), "code-issuer-service publishes its sample");
        EventEnvelope<PaperCodeIssued> event = reader.read(Files.readString(PRODUCER_SAMPLE), PaperCodeIssued.class);
        CurrentPaper paper = event.data().toCurrentPaper();
        assertEquals("cn.healthcode.paper-code-issued", event.type());
        assertEquals(event.subject(), paper.subjectId());
        assertEquals("482913057716", paper.paperId());
        assertEquals(Instant.parse("2026-11-22T03:15:00Z"), paper.issuedAt());
    }

    @Test
    void anEventWithoutAReferenceOrTimeIsUnreadable() throws Exception {
        String sample = Files.readString(PRODUCER_SAMPLE);
        assertThrows(UnreadableEventException.class, () -> reader.read(
                sample.replace("\"paperId\": \"482913057716\"", "\"paperId\": \"48291\""), PaperCodeIssued.class)
                .data().toCurrentPaper());
        assertThrows(UnreadableEventException.class, () -> reader.read(
                sample.replace("\"issuedAt\": \"2026-11-22T03:15:00Z\",", ""), PaperCodeIssued.class)
                .data().toCurrentPaper());
    }
}
