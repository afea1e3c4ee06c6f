package org.healthcode.declaration.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.healthcode.declaration.domain.DeclarationContent;
import org.healthcode.declaration.domain.DeclarationKind;
import org.healthcode.declaration.domain.Symptom;
import org.healthcode.kit.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/** The published sample and schema are what consumers test against: they must match the record. */
class DeclarationSubmittedTest {

    private static final Path EVENTS = Path.of("src/main/resources/events");

    // As Quarkus configures Jackson, but strict about fields the record does not know.
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Test
    void theSampleReadsIntoTheRecordAndWritesBackUnchanged() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("declaration-submitted.sample.json").toFile());
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, DeclarationSubmitted.class);
        EventEnvelope<DeclarationSubmitted> event = json.readValue(json.treeAsTokens(sample), type);

        assertEquals("cn.healthcode." + DeclarationSubmitted.TOPIC, event.type());
        assertEquals(event.subject(), event.data().subjectId());
        DeclarationSubmitted data = event.data();
        assertEquals(DeclarationKind.FULL, data.kind());
        assertEquals(List.of(new DeclarationContent.Travel("420106", LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 12))), data.travel());
        assertEquals(List.of(Symptom.FEVER), data.symptoms());
        assertEquals(new DeclarationContent.Inbound("CA982", "US", LocalDate.of(2026, 11, 20), "PVG"), data.inbound());
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void aCheckinCarriesNullVaccinationAndInbound() {
        DeclarationSubmitted checkin = DeclarationSubmitted.of(UUID.randomUUID(), "q3Vb0mXkT2yWJ8sLr5nA1w",
                DeclarationKind.DAILY_CHECKIN, "330106", DeclarationContent.checkin(List.of(), 36.6),
                java.time.Instant.parse("2026-11-22T03:15:00Z"));
        JsonNode data = json.valueToTree(checkin);
        assertEquals(true, data.get("vaccination").isNull());
        assertEquals(true, data.get("inbound").isNull());
        assertEquals(0, data.get("travel").size());
        assertNull(checkin.vaccination());
    }

    @Test
    void theSchemaDescribesExactlyTheRecordsFields() throws IOException {
        JsonNode data = json.readTree(EVENTS.resolve("declaration-submitted.schema.json").toFile())
                .get("$defs").get("data");
        Set<String> components = Arrays.stream(DeclarationSubmitted.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        data.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties);
        assertEquals(components, required);
    }
}
