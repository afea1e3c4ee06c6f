package org.healthcode.trace.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.trace.domain.VenueType;
import org.healthcode.trace.domain.Visit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The visit index reads what scan-checkpoint-service publishes: the contract's example and the producer's sample. */
class ScanRecordedContractTest {

    static final Path PRODUCER_SAMPLE =
            Path.of("../scan-checkpoint-service/src/main/resources/events/scan-recorded.sample.json");

    private final EventReader reader = new EventReader(EventJson.APPLICATION);

    @Test
    void readsTheContractExample() throws IOException {
        EventEnvelope<ScanRecorded> event = reader.read(contractExample(), ScanRecorded.class);
        Visit visit = event.data().toVisit();

        assertNotNull(visit);
        assertEquals(event.subject(), visit.subjectId());
        assertEquals("scan-7f3e2a", event.data().scanId());
        assertEquals(UUID.fromString("0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b"), visit.venueId());
        assertEquals(VenueType.MALL, visit.venueType());
        assertEquals(Instant.parse("2026-11-22T03:15:00Z"), visit.at());
    }

    @Test
    void readsTheProducersSample() throws IOException {
        Assertions.assertTrue(Files.exists(PRODUCER_SAMPLE), "scan-checkpoint-service's sample is missing: the contract cannot be checked (" + PRODUCER_SAMPLE + ")");

        EventEnvelope<ScanRecorded> event = reader.read(Files.readString(PRODUCER_SAMPLE), ScanRecorded.class);

        assertEquals("cn.healthcode.scan-recorded", event.type());
        Visit visit = event.data().toVisit();
        assertNotNull(visit, "scanId, subjectId, venueId, a known venueType and at are all present");
        assertEquals(event.subject(), visit.subjectId());
        assertEquals(22, visit.subjectId().length());
        assertNull(event.data().home(), "the sample is a resident's scan: no other home");
        assertEquals("310000", reader.read(Files.readString(PRODUCER_SAMPLE).replace("\"homeProvince\": null",
                "\"homeProvince\": \"310000\""), ScanRecorded.class).data().home(), "a visitor's home is read");
    }

    @Test
    void aScanWithoutWhatTheIndexNeedsIsNoVisit() throws IOException {
        String example = contractExample();
        assertNull(reader.read(example.replace("\"venueType\": \"MALL\"", "\"venueType\": \"SPACESHIP\""),
                ScanRecorded.class).data().toVisit());
        assertNull(reader.read(example.replace("\"scanId\": \"scan-7f3e2a\",", ""), ScanRecorded.class).data().toVisit());
        assertThrows(EventReader.UnreadableEventException.class,
                () -> reader.read(example.replace("\"at\": \"2026-11-22T03:15:00Z\"", "\"at\": \"yesterday\""),
                        ScanRecorded.class));
        assertThrows(EventReader.UnreadableEventException.class, () -> reader.read("{not json", ScanRecorded.class));
    }

    static String contractExample() throws IOException {
        try (InputStream in = ScanRecordedContractTest.class.getResourceAsStream("/events/scan-recorded.contract.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
