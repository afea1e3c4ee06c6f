package org.healthcode.scan.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.event.EventEnvelope;
import org.healthcode.scan.domain.Decision;
import org.healthcode.scan.domain.ScanMode;
import org.healthcode.scan.domain.VenueType;
import org.junit.jupiter.api.Test;

/** The published sample and schema are what consumers test against: they must match the record. */
class ScanRecordedTest {

    private static final Path EVENTS = Path.of("src/main/resources/events");

    // As Quarkus configures Jackson, but strict about fields the record does not know.
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theSampleReadsIntoTheRecordAndWritesBackUnchanged() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("scan-recorded.sample.json").toFile());
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, ScanRecorded.class);
        EventEnvelope<ScanRecorded> event = json.readValue(json.treeAsTokens(sample), type);

        assertEquals("cn.healthcode." + ScanRecorded.TOPIC, event.type());
        assertEquals(event.subject(), event.data().subjectId());
        assertEquals(new ScanRecorded("scan-7f3e2a", "q3Vb0mXkT2yWJ8sLr5nA1w",
                UUID.fromString("0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b"), VenueType.MALL, "330106",
                Instant.parse("2026-11-22T03:15:00Z"), ScanMode.OPERATOR_SCAN, Colour.GREEN, Decision.ALLOW, "330000", null),
                event.data());
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void aVisitOfSomeoneWithoutAColourCarriesANullColour() {
        ScanRecorded visit = new ScanRecorded("chk-1:q3Vb0mXkT2yWJ8sLr5nA1w", "q3Vb0mXkT2yWJ8sLr5nA1w", UUID.randomUUID(),
                VenueType.TRAIN, "330102", Instant.parse("2026-11-22T03:15:00Z"), ScanMode.COMPANION, null,
                Decision.DENY, "330000", null);
        JsonNode data = json.valueToTree(visit);
        assertEquals(true, data.get("colourAtScan").isNull(), "present, and null");
        assertEquals(true, data.get("homeProvince").isNull(), "a local person: present, and null");
        assertEquals(11, data.size());
    }

    @Test
    void theSchemaDescribesExactlyTheRecordsFields() throws IOException {
        JsonNode data = json.readTree(EVENTS.resolve("scan-recorded.schema.json").toFile()).get("$defs").get("data");
        Set<String> components = Arrays.stream(ScanRecorded.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        data.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties);
        // every field is required but those added later, which older events on the topic lack
        Set<String> addedLater = Set.of("homeProvince");
        assertEquals(components.stream().filter(c -> !addedLater.contains(c)).collect(Collectors.toCollection(TreeSet::new)),
                required);
        Set<String> types = new TreeSet<>();
        data.get("properties").get("venueType").get("enum").forEach(name -> types.add(name.asText()));
        assertEquals(Arrays.stream(VenueType.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)), types);
        Set<String> modes = new TreeSet<>();
        data.get("properties").get("mode").get("enum").forEach(name -> modes.add(name.asText()));
        assertEquals(Arrays.stream(ScanMode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)), modes);
    }
}
