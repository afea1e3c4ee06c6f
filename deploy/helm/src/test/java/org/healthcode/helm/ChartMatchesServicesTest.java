package org.healthcode.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.healthcode.infra.testing.ConsumedTopics;
import org.junit.jupiter.api.Test;

/**
 * The chart and the services cannot drift apart: its topics are exactly the ones the services
 * consume (each with its dead-letter topic) and produce, and its ports, schemas and gateway routes
 * are the ones in the services' own configuration.
 */
class ChartMatchesServicesTest {

    static final List<String> SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service", "gateway");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+TOPIC\\s*=\\s*\"([^\"]+)\"");

    @Test
    void kafkaTopicsAreExactlyTheTopicsTheServicesUse() {
        Set<String> consumed = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        for (ConsumedTopics channel : ConsumedTopics.of(Chart.REPOSITORY, SERVICES)) {
            consumed.add(channel.topic());
            deadLetters.add(channel.deadLetterTopic());
        }
        Set<String> produced = producedTopics();
        assertFalse(consumed.isEmpty(), "no consumed channel found in the services' application.properties");
        assertFalse(produced.isEmpty(), "no produced topic (TOPIC constant) found in the services' sources");

        Set<String> used = new TreeSet<>(consumed);
        used.addAll(deadLetters);
        used.addAll(produced);
        Set<String> inChart = Chart.ofKind(Chart.objects(Chart.template(null)), "KafkaTopic").stream()
                .map(topic -> topic.path("spec").path("topicName").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(used, inChart, "kafka.topics in values.yaml against the services (consumed " + consumed
                + ", dead letters " + deadLetters + ", produced " + produced + ")");
    }

    @Test
    void portsAndSchemasAreTheServicesOwn() {
        JsonNode services = Chart.values().path("services");
        assertEquals(new TreeSet<>(SERVICES), fieldNames(services), "services in values.yaml");
        for (String service : SERVICES) {
            Properties config = config(service);
            JsonNode values = services.path(service);
            assertEquals(config.getProperty("quarkus.http.port"), values.path("port").asText(), service + " port");
            String schema = config.getProperty("healthcode.schema");
            if (schema == null) {
                assertTrue(values.path("database").isMissingNode(), service + " owns no schema, but the chart gives it one");
            } else {
                assertEquals(schema, values.path("database").path("schema").asText(), service + " schema");
            }
        }
    }

    @Test
    void theGatewayReachesEveryServiceItCalls() {
        Map<String, String> routes = new TreeMap<>();
        Pattern client = Pattern.compile("quarkus\\.rest-client\\.([^.]+)\\.url");
        for (String key : config("gateway").stringPropertyNames()) {
            Matcher m = client.matcher(key);
            if (m.matches()) {
                routes.put("QUARKUS_REST_CLIENT_" + m.group(1).toUpperCase().replace('-', '_') + "_URL",
                        "http://" + Chart.RELEASE + "-" + m.group(1) + "-service:"
                                + config(m.group(1) + "-service").getProperty("quarkus.http.port"));
            }
        }
        assertEquals(5, routes.size(), "rest clients in the gateway's application.properties: " + routes);
        JsonNode gateway = Chart.named(Chart.objects(Chart.template(null)), "Deployment", Chart.RELEASE + "-gateway");
        Map<String, String> env = new TreeMap<>();
        gateway.at("/spec/template/spec/containers/0/env").forEach(e -> {
            if (e.path("name").asText().startsWith("QUARKUS_REST_CLIENT_")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        });
        assertEquals(routes, env, "the gateway's service URLs in the chart");
    }

    static Properties config(String service) {
        Properties config = new Properties();
        Path file = Chart.REPOSITORY.resolve(service).resolve("src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file)) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return config;
    }

    /** The TOPIC constants of the services' event classes: what they publish or read. */
    private static Set<String> producedTopics() {
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            try (Stream<Path> sources = Files.walk(Chart.REPOSITORY.resolve(service).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = TOPIC_CONSTANT.matcher(Files.readString(source));
                    while (m.find()) {
                        topics.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
