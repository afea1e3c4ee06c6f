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
import java.util.stream.Collectors;
import org.healthcode.kit.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/** The published sample and schema of federation-contact-received are what risk-scoring tests against. */
class FederationContactReceivedTest {

    private static final Path EVENTS = Path.of("src/main/resources/events");

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theSampleReadsIntoTheRecordAndWritesBackUnchanged() throws IOException {
        JsonNode sample = json.readTree(EVENTS.resolve("federation-contact-received.sample.json").toFile());
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class,
                FederationContactReceived.class);
        EventEnvelope<FederationContactReceived> event = json.readValue(json.treeAsTokens(sample), type);

        assertEquals("cn.healthcode." + FederationContactReceived.TOPIC, event.type());
        assertEquals("/healthcode/scan-checkpoint-service", event.source());
        assertEquals(event.subject(), event.data().subjectId(), "keyed and subjected by the contact");
        assertEquals(new FederationContactReceived("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "310000",
                "Zx8Lm2Qp5Rt7Vw9Yb1Cd3e", 1, "CLOSE", Instant.parse("2026-11-20T02:00:00Z"),
                Instant.parse("2026-11-20T02:30:00Z"), Instant.parse("2026-11-20T02:30:00Z"), "330000",
                Instant.parse("2026-11-22T03:15:01.198Z")), event.data());
        assertEquals(sample, json.valueToTree(event));
    }

    @Test
    void theSchemaDescribesExactlyTheRecordsFields() throws IOException {
        JsonNode data = json.readTree(EVENTS.resolve("federation-contact-received.schema.json").toFile())
                .get("$defs").get("data");
        Set<String> components = Arrays.stream(FederationContactReceived.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        data.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties);
        assertEquals(components, required);
    }
}
