package org.healthcode.declaration.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.healthcode.kit.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/** The manifest event's sample and schema match the record; one carriage of one trip is one venue. */
class ManifestPassengerImportedTest {

    private static final Path EVENTS = Path.of("src/main/resources/events");

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theSampleReadsIntoTheRecordAndWritesBackUnchanged() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("manifest-passenger-imported.sample.json").toFile());
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class,
                ManifestPassengerImported.class);
        EventEnvelope<ManifestPassengerImported> event = json.readValue(json.treeAsTokens(sample), type);
        assertEquals("cn.healthcode." + ManifestPassengerImported.TOPIC, event.type());
        assertEquals(event.subject(), event.data().subjectId());
        assertEquals(ManifestPassengerImported.venueOf("TRAIN", "G1234", LocalDate.of(2026, 11, 20), "05"),
                event.data().venueId(), "the sample's venue is its carriage's");
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void theSchemaDescribesExactlyTheRecordsFields() throws IOException {
        JsonNode data = json.readTree(EVENTS.resolve("manifest-passenger-imported.schema.json").toFile())
                .get("$defs").get("data");
        Set<String> components = Arrays.stream(ManifestPassengerImported.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        data.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties);
        assertEquals(components, required);
    }

    @Test
    void aCarriageOfATripIsOneVenueAndAnyOtherCarriageOrDayAnother() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertEquals(ManifestPassengerImported.venueOf("TRAIN", "G1234", day, "05"),
                ManifestPassengerImported.venueOf("TRAIN", "G1234", day, "05"));
        assertNotEquals(ManifestPassengerImported.venueOf("TRAIN", "G1234", day, "05"),
                ManifestPassengerImported.venueOf("TRAIN", "G1234", day, "06"));
        assertNotEquals(ManifestPassengerImported.venueOf("TRAIN", "G1234", day, "05"),
                ManifestPassengerImported.venueOf("TRAIN", "G1234", day.plusDays(1), "05"));
    }
}
