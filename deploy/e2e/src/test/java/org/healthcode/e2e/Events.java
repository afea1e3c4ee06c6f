package org.healthcode.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The platform's events as the fault tests write and read them, on the platform's own Kafka. */
final class Events {

    /**
     * The topics of the core flow (declaration, case, contact, colour, scan), with the module that
     * publishes each: every fault drill checks these. The topics consumed since are in {@link #CONSUMED_SINCE}.
     */
    static final Map<String, String> CONSUMED = Map.of("declaration-submitted", "declaration-service",
            "case-confirmed", "contact-trace-service", "contact-identified", "contact-trace-service",
            "risk-recalculated", "risk-scoring-service", "scan-recorded", "scan-checkpoint-service");
    /**
     * The other topics a service consumes (the federation's contacts, the authority's imports, paper
     * codes), with the module that publishes each; with {@link #CONSUMED}, every consumed topic.
     * Kept apart so that the drills of the core flow (a replay, a database outage) keep their meaning.
     */
    static final Map<String, String> CONSUMED_SINCE = Map.of(
            "federation-contact-received", "scan-checkpoint-service",
            "manifest-passenger-imported", "declaration-service", "case-reported", "declaration-service",
            "paper-code-issued", "code-issuer-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /**
     * The producer's own sample of {@code topic}'s event (from its module), with a fresh id, the
     * time now and {@code subject} as its subject, changed further by {@code change} (its data).
     */
    static String sample(Platform platform, String topic, String subject, Consumer<ObjectNode> change) {
        Path file = Path.of("../..").toAbsolutePath().normalize()
                .resolve(CONSUMED.getOrDefault(topic, CONSUMED_SINCE.get(topic)))
                .resolve("src/main/resources/events/" + topic + ".sample.json");
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(file.toFile());
            event.put("id", UUID.randomUUID().toString()).put("subject", subject)
                    .put("time", platform.clock().instant().toString());
            change.accept((ObjectNode) event.get("data"));
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Admin admin(Platform platform) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    /** Every partition's end offset of these topics, now. */
    static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The records of {@code topic} from {@code from} (offsets per partition; the start where absent) to its end now. */
    static List<ConsumerRecord<String, String>> since(Platform platform, String topic, Map<TopicPartition, Long> from)
            throws Exception {
        Map<TopicPartition, Long> ends;
        try (Admin admin = admin(platform)) {
            ends = ends(admin, List.of(topic));
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(ends.keySet());
            ends.keySet().forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Instant deadline = Instant.now().plusSeconds(30);
            while (ends.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(topic + " not read to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                });
            }
        }
        return records;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every record of a topic, from the first to the end as it is now. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
