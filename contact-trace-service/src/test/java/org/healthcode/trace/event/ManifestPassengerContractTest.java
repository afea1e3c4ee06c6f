package org.healthcode.trace.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.trace.domain.Seat;
import org.healthcode.trace.domain.VenueType;
import org.healthcode.trace.domain.Visit;
import org.junit.jupiter.api.Test;

/** The visit index reads the passengers declaration-service publishes from transport manifests. */
class ManifestPassengerContractTest {

    static final Path PRODUCER_SAMPLE =
            Path.of("../declaration-service/src/main/resources/events/manifest-passenger-imported.sample.json");

    private final EventReader reader = new EventReader(EventJson.APPLICATION);

    @Test
    void readsTheProducersSampleAsAVisitOfTheCarriageAtTheDepartureInItsSeat() throws IOException {
        assertTrue(Files.exists(PRODUCER_SAMPLE), "declaration-service's sample is missing (" + PRODUCER_SAMPLE + ")");
        EventEnvelope<ManifestPassengerImported> event = reader.read(Files.readString(PRODUCER_SAMPLE),
                ManifestPassengerImported.class);
        assertEquals("cn.healthcode.manifest-passenger-imported", event.type());
        Visit visit = event.data().toVisit();
        assertNotNull(visit);
        assertEquals(event.subject(), visit.subjectId());
        assertEquals(VenueType.TRAIN, visit.venueType());
        assertEquals(UUID.fromString("41dc9411-4454-3d70-8864-570cd136e20f"), visit.venueId());
        assertEquals(Instant.parse("2026-11-20T00:05:00Z"), visit.at());
        assertEquals(new Seat(12, "F"), visit.seat());
        assertEquals("manifest:41dc9411-4454-3d70-8864-570cd136e20f:" + visit.subjectId(), event.data().visitKey());
    }

    @Test
    void aPassengerWithoutWhatTheIndexNeedsIsNoVisit() {
        UUID venue = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T00:05:00Z");
        assertNull(new ManifestPassengerImported("q3Vb0mXkT2yWJ8sLr5nA1w", "MALL", venue, at, null).toVisit(),
                "not a transport");
        assertNull(new ManifestPassengerImported("q3Vb0mXkT2yWJ8sLr5nA1w", "SHIP", venue, at, null).toVisit());
        assertNull(new ManifestPassengerImported("q3Vb0mXkT2yWJ8sLr5nA1w", "BUS", venue, at, "aisle").toVisit());
        assertNull(new ManifestPassengerImported(null, "BUS", venue, at, null).toVisit());
        assertNull(new ManifestPassengerImported("q3Vb0mXkT2yWJ8sLr5nA1w", "BUS", null, at, null).toVisit());
        assertNull(new ManifestPassengerImported("q3Vb0mXkT2yWJ8sLr5nA1w", "FLIGHT", venue, at, null).toVisit().seat(),
                "no seat: anywhere in the cabin");
    }
}
