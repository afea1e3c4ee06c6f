package org.healthcode.gateway.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.healthcode.infra.testing.ConsumedTopics;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document the gateway serves at {@code /asyncapi.yaml} against the platform itself: it
 * names every topic a service publishes or consumes and every dead-letter topic, each message's
 * payload is the producer's own JSON Schema (served beside it at {@code events/}), and every
 * producer's sample is valid under the schema the document points to.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCUMENT = Path.of("src/main/resources/META-INF/resources/asyncapi.yaml");
    /** Where the build puts what the gateway serves, the producers' event files included. */
    private static final Path SERVED = Path.of("target/classes/META-INF/resources");
    private static final List<String> SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service");

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @Test
    void itIsAnAsyncApi3DocumentWhoseReferencesAllResolve() {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        List<String> broken = new ArrayList<>();
        collectLocalRefs(document, broken);
        assertEquals(List.of(), broken, "references to nothing");
        document.path("operations").fields().forEachRemaining(operation ->
                assertTrue(Set.of("send", "receive").contains(operation.getValue().path("action").asText()),
                        operation.getKey() + " has no action"));
    }

    @Test
    void everyTopicOfThePlatformAndEveryDeadLetterTopicIsAChannel() throws IOException {
        Set<String> expected = new TreeSet<>(producedTopics().keySet());
        for (String consumed : consumedTopics()) {
            expected.add(consumed);
            expected.add("dead-letter-topic-" + consumed);
        }
        Set<String> channels = new TreeSet<>();
        document.path("channels").fields().forEachRemaining(channel -> {
            assertEquals(channel.getKey(), channel.getValue().path("address").asText(), "address of " + channel.getKey());
            channels.add(channel.getKey());
        });
        assertEquals(expected, channels);
        document.path("channels").fields().forEachRemaining(channel -> assertTrue(
                channel.getKey().startsWith("dead-letter-topic-") || channel.getValue().path("description").asText()
                        .contains("kcat -b 127.0.0.1:9092 -t " + channel.getKey() + " "),
                channel.getKey() + " shows how to read it with kcat"));
    }

    @Test
    void eachEventsPayloadIsItsProducersSchemaAndTheProducersSampleIsValidUnderIt() throws IOException {
        Map<String, Path> producers = producedTopics();
        assertEquals(9, producers.size(), "the platform's nine topics: " + producers.keySet());
        JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Path> topic : producers.entrySet()) {
            JsonNode message = resolve(document.path("channels").path(topic.getKey()).path("messages").elements().next());
            JsonNode payload = message.path("payload");
            assertEquals("application/schema+json;version=draft-2020-12", payload.path("schemaFormat").asText());
            String reference = payload.path("schema").path("$ref").asText();
            assertEquals("events/" + topic.getKey() + ".schema.json", reference, topic.getKey());

            Path served = SERVED.resolve(reference);
            assertEquals(Files.readString(topic.getValue().resolve(topic.getKey() + ".schema.json")), Files.readString(served),
                    "the build serves the producer's schema of " + topic.getKey() + " as it is");
            JsonSchema schema = schemas.getSchema(Files.readString(served));
            JsonNode sample = json.readTree(SERVED.resolve("events/" + topic.getKey() + ".sample.json").toFile());
            assertEquals(Set.of(), schema.validate(sample), topic.getKey() + "'s sample");
            assertEquals("cn.healthcode." + topic.getKey(), sample.path("type").asText());
        }
    }

    /** Each producer's topics, from the event schemas in its module: topic → that folder. */
    private static Map<String, Path> producedTopics() throws IOException {
        Map<String, Path> topics = new TreeMap<>();
        for (String service : SERVICES) {
            Path events = ROOT.resolve(service).resolve("src/main/resources/events");
            if (Files.isDirectory(events)) {
                try (Stream<Path> files = Files.list(events)) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                            .forEach(name -> topics.put(name.substring(0, name.length() - ".schema.json".length()), events));
                }
            }
        }
        return topics;
    }

    /** The topics the services consume, from their channel configuration. */
    private static Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        ConsumedTopics.of(ROOT, SERVICES).forEach(channel -> topics.add(channel.topic()));
        return topics;
    }

    private static JsonNode resolve(JsonNode node) {
        String reference = node.path("$ref").asText(null);
        return reference == null ? node : document.at(reference.substring(1));
    }

    private static void collectLocalRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            String reference = node.path("$ref").asText(null);
            if (reference != null && reference.startsWith("#") && document.at(reference.substring(1)).isMissingNode()) {
                broken.add(reference);
            }
            node.elements().forEachRemaining(child -> collectLocalRefs(child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectLocalRefs(child, broken));
        }
    }
}
