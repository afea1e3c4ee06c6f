package org.healthcode.risk.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** This consumer reads what declaration-service publishes: the contract's example and the producer's sample. */
class DeclarationSubmittedContractTest {

    static final Path PRODUCER_SAMPLE =
            Path.of("../declaration-service/src/main/resources/events/declaration-submitted.sample.json");

    private final EventReader reader = new EventReader(EventJson.MAPPER);

    @Test
    void readsTheContractExample() throws IOException {
        DeclarationSubmitted data = read(contractExample()).data();

        assertEquals("q3Vb0mXkT2yWJ8sLr5nA1w", data.subjectId());
        assertTrue(data.isFull());
        assertEquals("420106", data.travel().get(0).regionCode());
        assertEquals(3, data.vaccination().doses());
        assertEquals("2026-11-20", data.inbound().arrivalDate().toString());
        assertEquals("37.9", data.temperature().toPlainString());
        assertTrue(data.isComplete());
    }

    @Test
    void readsTheProducersSample() throws IOException {
        Assertions.assertTrue(Files.exists(PRODUCER_SAMPLE), "declaration-service's sample is missing: the contract cannot be checked (" + PRODUCER_SAMPLE + ")");

        EventEnvelope<DeclarationSubmitted> event = read(Files.readString(PRODUCER_SAMPLE));

        assertEquals("cn.healthcode.declaration-submitted", event.type());
        DeclarationSubmitted data = event.data();
        assertTrue(data.isComplete(), "declarationId, subjectId, kind, declaredAt and every stay present");
        assertEquals(22, data.subjectId().length());
        assertNotNull(data.regionCode());
        assertNotNull(data.symptoms());
    }

    @Test
    void authorityTravelCountsItsStaysAndIsNoSubmission() throws IOException {
        String travel = contractExample().replace("\"FULL\"", "\"TRAVEL\"");
        DeclarationSubmitted data = read(travel).data();

        assertTrue(data.isComplete());
        assertTrue(data.isAuthorityTravel());
        assertFalse(data.isFull());
        assertEquals("420106", data.toTravel().get(0).regionCode());
    }

    @Test
    void anEventWithoutItsDeclarationTimeIsIncomplete() throws IOException {
        String withoutTime = contractExample().replace(",\n   \"declaredAt\":\"2026-11-22T03:15:00Z\"", "");

        assertFalse(read(withoutTime).data().isComplete());
        assertThrows(EventReader.UnreadableEventException.class, () -> read("{not json"));
    }

    private EventEnvelope<DeclarationSubmitted> read(String payload) {
        return reader.read(payload, DeclarationSubmitted.class);
    }

    static String contractExample() throws IOException {
        try (InputStream in = DeclarationSubmittedContractTest.class
                .getResourceAsStream("/events/declaration-submitted.contract.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
