package org.healthcode.declaration.event;

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
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.healthcode.kit.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/** The case-reported event's sample and schema match the record. */
class CaseReportedTest {

    private static final Path EVENTS = Path.of("src/main/resources/events");

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theSampleReadsIntoTheRecordAndWritesBackUnchanged() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("case-reported.sample.json").toFile());
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, CaseReported.class);
        EventEnvelope<CaseReported> event = json.readValue(json.treeAsTokens(sample), type);
        assertEquals("cn.healthcode." + CaseReported.TOPIC, event.type());
        assertEquals(event.subject(), event.data().subjectId());
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void theSchemaDescribesExactlyTheRecordsFields() throws IOException {
        JsonNode data = json.readTree(EVENTS.resolve("case-reported.schema.json").toFile()).get("$defs").get("data");
        Set<String> components = Arrays.stream(CaseReported.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        data.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties);
        assertEquals(components, required);
    }
}
