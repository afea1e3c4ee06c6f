package org.healthcode.trace.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.domain.Exposure;
import org.healthcode.trace.domain.TraceCase;
import org.junit.jupiter.api.Test;

/**
 * The published samples and schemas are what consumers (risk-scoring, epidemiologists' tools) test
 * against: each sample must read into its record and write back unchanged, and each schema must
 * describe exactly the record's fields.
 */
class PublishedEventsTest {

    private static final Path EVENTS = Path.of("src/main/resources/events");
    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ObjectMapper json = EventJson.STRICT;

    @Test
    void theCaseConfirmedSampleRoundTripsThroughItsRecord() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("case-confirmed.sample.json").toFile());
        EventEnvelope<CaseConfirmed> event = read(sample, CaseConfirmed.class);

        assertEquals("cn.healthcode." + CaseConfirmed.TOPIC, event.type());
        assertEquals("/healthcode/contact-trace-service", event.source());
        CaseConfirmed data = event.data();
        assertEquals(event.subject(), data.subjectId());
        assertTrue(SUBJECT_ID.matcher(data.subjectId()).matches());
        assertEquals(CaseStatus.CONFIRMED, data.status());
        assertEquals(LocalDate.of(2026, 11, 18), data.onsetDate());
        assertEquals(Instant.parse("2026-11-22T03:15:00Z"), data.confirmedAt());
        assertEquals("330000", data.province());
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void theContactIdentifiedSampleRoundTripsThroughItsRecord() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("contact-identified.sample.json").toFile());
        EventEnvelope<ContactIdentified> event = read(sample, ContactIdentified.class);

        assertEquals("cn.healthcode." + ContactIdentified.TOPIC, event.type());
        ContactIdentified data = event.data();
        assertEquals(event.subject(), data.contactSubjectId(), "keyed and subjected by the contact");
        assertTrue(SUBJECT_ID.matcher(data.caseSubjectId()).matches());
        assertTrue(SUBJECT_ID.matcher(data.contactSubjectId()).matches());
        assertEquals(1, data.degree());
        assertEquals(Exposure.CLOSE, data.exposure());
        assertEquals(data.overlapTo(), data.lastExposure());
        assertNull(data.homeProvince(), "a contact of this province");
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void aCaseWithoutOnsetCarriesANullOnsetDate() {
        TraceCase cleared = new TraceCase(UUID.randomUUID(), "q3Vb0mXkT2yWJ8sLr5nA1w", "330000", CaseStatus.CLEARED,
                null, "330106", Instant.parse("2026-11-22T03:15:00Z"), Instant.parse("2026-12-01T08:00:00Z"),
                Instant.parse("2026-11-22T03:15:00Z"));
        JsonNode data = json.valueToTree(CaseConfirmed.of(cleared));
        assertTrue(data.get("onsetDate").isNull());
        assertEquals("CLEARED", data.get("status").asText());
        assertEquals("2026-12-01T08:00:00Z", data.get("confirmedAt").asText(), "the time of this decision");
        assertNull(CaseConfirmed.of(cleared).onsetDate());
    }

    @Test
    void theSchemasDescribeExactlyTheRecordsFields() throws IOException {
        assertSchemaMatches("case-confirmed.schema.json", CaseConfirmed.class);
        assertSchemaMatches("contact-identified.schema.json", ContactIdentified.class);
    }

    private void assertSchemaMatches(String schema, Class<? extends Record> record) throws IOException {
        JsonNode data = json.readTree(EVENTS.resolve(schema).toFile()).get("$defs").get("data");
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        data.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties, schema);
        // every field is required but those added later, which older events on the topic lack
        Set<String> addedLater = Set.of("homeProvince");
        assertEquals(components.stream().filter(c -> !addedLater.contains(c)).collect(Collectors.toCollection(TreeSet::new)),
                required, schema);
    }

    private <T> EventEnvelope<T> read(JsonNode sample, Class<T> data) throws IOException {
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, data);
        return json.readValue(json.treeAsTokens(sample), type);
    }
}
