package org.healthcode.risk.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.risk.domain.Contact;
import org.healthcode.risk.domain.Exposure;
import org.healthcode.risk.domain.ReasonCode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** This consumer reads what scan-checkpoint-service publishes when another province sends a contact: its sample. */
class FederationContactContractTest {

    static final Path PRODUCER_SAMPLE =
            Path.of("../scan-checkpoint-service/src/main/resources/events/federation-contact-received.sample.json");

    private final EventReader reader = new EventReader(EventJson.MAPPER);

    @Test
    void readsTheProducersSampleAsTheSameContactFactAsALocalOne() throws IOException {
        Assertions.assertTrue(Files.exists(PRODUCER_SAMPLE),
                "scan-checkpoint-service's sample is missing: the contract cannot be checked (" + PRODUCER_SAMPLE + ")");

        EventEnvelope<FederationContactReceived> event = reader.read(Files.readString(PRODUCER_SAMPLE),
                FederationContactReceived.class);

        assertEquals("cn.healthcode.federation-contact-received", event.type());
        ContactIdentified contact = event.data().asContactIdentified();
        assertTrue(contact.isComplete());
        assertEquals(event.subject(), contact.contactSubjectId(), "keyed and addressed by the contact");
        assertEquals("310000:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", contact.traceId(), "unique across provinces");
        assertEquals("330000", contact.province(), "the contact's home: this province");
        Contact fact = contact.toContact(event.time());
        assertEquals(new Contact("province:310000", 1, Exposure.CLOSE, Instant.parse("2026-11-20T02:30:00Z"),
                Instant.parse("2026-11-22T03:15:01.204Z")), fact);
        assertEquals(ReasonCode.CLOSE_CONTACT, fact.reason(), "a close contact, as if found here");
    }

    @Test
    void aFindingWithoutItsSenderOrWithAnUnknownDegreeIsIncomplete() throws IOException {
        String sample = Files.readString(PRODUCER_SAMPLE);
        assertFalse(reader.read(sample.replace("\"fromProvince\": \"310000\",", ""), FederationContactReceived.class)
                .data().asContactIdentified().isComplete());
        assertFalse(reader.read(sample.replace("\"degree\": 1", "\"degree\": 3"), FederationContactReceived.class)
                .data().asContactIdentified().isComplete());
    }
}
