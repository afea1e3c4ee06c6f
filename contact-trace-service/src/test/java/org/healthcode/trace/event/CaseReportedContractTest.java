package org.healthcode.trace.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.service.CaseDecision;
import org.junit.jupiter.api.Test;

/** Case recording reads the cases declaration-service publishes from the authority's case lists. */
class CaseReportedContractTest {

    static final Path PRODUCER_SAMPLE = Path.of("../declaration-service/src/main/resources/events/case-reported.sample.json");

    private final EventReader reader = new EventReader(EventJson.APPLICATION);

    @Test
    void readsTheProducersSampleAsAConfirmationDecidedByTheImport() throws IOException {
        assertTrue(Files.exists(PRODUCER_SAMPLE), "declaration-service's sample is missing (" + PRODUCER_SAMPLE + ")");
        EventEnvelope<CaseReported> event = reader.read(Files.readString(PRODUCER_SAMPLE), CaseReported.class);
        assertEquals("cn.healthcode.case-reported", event.type());
        CaseDecision decision = event.data().toDecision();
        assertNotNull(decision);
        assertEquals(event.subject(), decision.subjectId());
        assertEquals(CaseStatus.CONFIRMED, decision.status());
        assertEquals(LocalDate.of(2026, 11, 19), decision.onsetDate());
        assertEquals("330000", decision.province());
        assertNull(decision.regionCode(), "counted in the province");
        assertEquals("import 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", decision.decidedBy());
    }

    @Test
    void aCaseWithoutWhatRecordingNeedsIsNoDecision() {
        UUID importId = UUID.randomUUID();
        String subject = "q3Vb0mXkT2yWJ8sLr5nA1w";
        assertNull(new CaseReported(subject, "CLEARED", null, "330000", importId).toDecision(), "a list clears nobody");
        assertNull(new CaseReported(subject, null, null, "330000", importId).toDecision());
        assertNull(new CaseReported("E12345678", "CONFIRMED", null, "330000", importId).toDecision(),
                "not a pseudonym");
        assertNull(new CaseReported(subject, "CONFIRMED", null, "Zhejiang", importId).toDecision());
        assertNull(new CaseReported(subject, "CONFIRMED", null, "330000", null).toDecision());
        assertEquals(CaseStatus.SUSPECTED,
                new CaseReported(subject, "SUSPECTED", null, "330000", importId).toDecision().status());
    }
}
