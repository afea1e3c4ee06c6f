package org.healthcode.risk.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.kit.event.EventReader;
import org.healthcode.risk.domain.CaseDecision;
import org.healthcode.risk.domain.CaseStatus;
import org.healthcode.risk.domain.Contact;
import org.healthcode.risk.domain.Exposure;
import org.healthcode.risk.domain.ReasonCode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** This consumer reads what contact-trace-service publishes: the contract's examples and the producer's samples. */
class TraceEventsContractTest {

    static final Path PRODUCER_EVENTS = Path.of("../contact-trace-service/src/main/resources/events");

    private final EventReader reader = new EventReader(EventJson.MAPPER);

    @Test
    void readsTheContractsCaseConfirmed() throws IOException {
        CaseConfirmed data = reader.read(resource("case-confirmed.contract.json"), CaseConfirmed.class).data();

        assertTrue(data.isComplete());
        assertEquals(new CaseDecision("5b0c9f3e-2a7d-4c1b-9e8f-0a1b2c3d4e5f", CaseStatus.CONFIRMED,
                Instant.parse("2026-11-22T03:15:00Z")), data.toDecision());
        assertEquals("q3Vb0mXkT2yWJ8sLr5nA1w", data.subjectId());
        assertEquals("330000", data.province());
    }

    @Test
    void readsTheContractsContactIdentified() throws IOException {
        EventEnvelope<ContactIdentified> event = reader.read(resource("contact-identified.contract.json"),
                ContactIdentified.class);
        ContactIdentified data = event.data();

        assertTrue(data.isComplete());
        assertEquals("Zx8Lm2Qp5Rt7Vw9Yb1Cd3e", data.contactSubjectId());
        Contact contact = data.toContact(event.time());
        assertEquals(new Contact("5b0c9f3e-2a7d-4c1b-9e8f-0a1b2c3d4e5f", 1, Exposure.CLOSE,
                Instant.parse("2026-11-20T02:30:00Z"), Instant.parse("2026-11-22T03:15:00.480Z")), contact);
        assertEquals(ReasonCode.CLOSE_CONTACT, contact.reason());
    }

    @Test
    void readsTheProducersCaseConfirmedSample() throws IOException {
        Path sample = PRODUCER_EVENTS.resolve("case-confirmed.sample.json");
        Assertions.assertTrue(Files.exists(sample), "contact-trace-service's sample is missing: the contract cannot be checked (" + sample + ")");

        EventEnvelope<CaseConfirmed> event = reader.read(Files.readString(sample), CaseConfirmed.class);

        assertEquals("cn.healthcode.case-confirmed", event.type());
        assertTrue(event.data().isComplete(), "caseId, subjectId, a known status and confirmedAt present");
        assertEquals(22, event.data().subjectId().length());
        assertTrue(event.data().province().matches("\\d{2}0000"));
    }

    @Test
    void readsTheProducersContactIdentifiedSample() throws IOException {
        Path sample = PRODUCER_EVENTS.resolve("contact-identified.sample.json");
        Assertions.assertTrue(Files.exists(sample), "contact-trace-service's sample is missing: the contract cannot be checked (" + sample + ")");

        EventEnvelope<ContactIdentified> event = reader.read(Files.readString(sample), ContactIdentified.class);

        assertEquals("cn.healthcode.contact-identified", event.type());
        assertTrue(event.data().isComplete(), "traceId, caseId, contactSubjectId, degree, exposure, lastExposure");
        assertEquals(event.subject(), event.data().contactSubjectId(), "keyed and addressed by the contact");
        assertTrue(event.data().province().matches("\\d{2}0000"));
    }

    @Test
    void anUnknownStatusDegreeOrExposureIsIncomplete() throws IOException {
        String caseEvent = resource("case-confirmed.contract.json");
        assertFalse(reader.read(caseEvent.replace("\"CONFIRMED\"", "\"RECOVERED\""), CaseConfirmed.class).data()
                .isComplete());
        String contactEvent = resource("contact-identified.contract.json");
        assertFalse(reader.read(contactEvent.replace("\"degree\":1", "\"degree\":3"), ContactIdentified.class).data()
                .isComplete());
        assertFalse(reader.read(contactEvent.replace("\"CLOSE\"", "\"NEARBY\""), ContactIdentified.class).data()
                .isComplete());
        assertFalse(reader.read(contactEvent.replace("\"lastExposure\"", "\"x\""), ContactIdentified.class).data()
                .isComplete());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TraceEventsContractTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
