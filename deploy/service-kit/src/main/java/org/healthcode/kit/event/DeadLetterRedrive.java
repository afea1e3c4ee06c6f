package org.healthcode.kit.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The messages this service's consumers sent to their dead-letter topics and that nobody has
 * re-driven yet, and the re-drive: each such message published again, as it was (key, value,
 * headers but the dead-letter ones), on the topic it came from, once its cause is fixed. What has
 * been re-driven is the committed offset of one consumer group, {@value #REDRIVE_GROUP}, shared by
 * every service, so a dead-letter topic two services write to (both consumers of
 * {@code risk-recalculated}) is re-driven once whichever of them is asked. A message re-driven
 * again after a crash is harmless: consumers apply an event id once.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    public static final String REDRIVE_GROUP = "healthcode-dead-letter-redrive";
    /** Where a re-driven message was: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static final String REDRIVEN_FROM = "healthcode-redriven-from";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final Duration READ_WITHIN = Duration.ofSeconds(10);

    /** One dead-lettered message, without its content (it may name a subject of any province). */
    public record Letter(String topic, String deadLetterTopic, int partition, long offset, Instant at, String reason,
            String cause) {
    }

    private final KafkaTopics topics;
    private final String bootstrapServers;

    public DeadLetterRedrive(KafkaTopics topics, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    /** The messages not re-driven yet, oldest first per topic, at most {@code limit}. */
    public Uni<List<Letter>> pending(int limit) {
        return blocking(() -> {
            List<Letter> letters = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                read(consumer, null, record -> {
                    if (letters.size() < limit) {
                        letters.add(letter(record));
                    }
                });
            }
            return letters;
        });
    }

    /**
     * Publishes every message not re-driven yet (of {@code topic}'s dead-letter topic only, when
     * given) on its topic, then marks them re-driven; answers how many per topic.
     */
    public synchronized Uni<Map<String, Integer>> redrive(String topic) {
        return blocking(() -> {
            Map<String, Integer> counts = new TreeMap<>();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
                Map<TopicPartition, OffsetAndMetadata> done = read(consumer, topic, record -> {
                    String origin = topics.deadLetterTopics().get(record.topic());
                    ProducerRecord<String, String> again = new ProducerRecord<>(origin, null, record.key(),
                            record.value(), kept(record.headers()));
                    again.headers().add(REDRIVEN_FROM, (record.topic() + "/" + record.partition() + "/"
                            + record.offset()).getBytes(StandardCharsets.UTF_8));
                    sent.add(producer.send(again));
                    counts.merge(origin, 1, Integer::sum);
                });
                producer.flush();
                for (Future<RecordMetadata> each : sent) {
                    each.get(READ_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                }
                // only once Kafka has them all: a crash before this re-drives them again, never loses one
                consumer.commitSync(done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while re-driving", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a re-driven message was not acknowledged; nothing marked re-driven", e);
            }
            return counts;
        });
    }

    /**
     * Reads the dead-letter topics (or {@code topic}'s alone) from what was re-driven last up to
     * their ends as they are now; answers the offsets up to which they were read.
     */
    private Map<TopicPartition, OffsetAndMetadata> read(KafkaConsumer<String, String> consumer, String topic,
            java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        List<TopicPartition> partitions = new ArrayList<>();
        topics.deadLetterTopics().forEach((deadLetters, origin) -> {
            if (topic == null || topic.equals(origin)) {
                for (PartitionInfo partition : consumer.partitionsFor(deadLetters, READ_WITHIN)) {
                    partitions.add(new TopicPartition(deadLetters, partition.partition()));
                }
            }
        });
        Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
        if (partitions.isEmpty()) {
            return done;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, READ_WITHIN));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions),
                READ_WITHIN);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, READ_WITHIN);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata last = committed.get(partition);
            long from = Math.max(last == null ? 0 : last.offset(), beginnings.get(partition));
            consumer.seek(partition, from);
            if (from >= ends.get(partition)) {
                ends.remove(partition);
            }
            done.put(partition, new OffsetAndMetadata(Math.max(from, ends.getOrDefault(partition, from))));
        }
        Instant deadline = Instant.now().plus(READ_WITHIN);
        while (!ends.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("dead-letter topics not read within " + READ_WITHIN);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long end = ends.get(partition);
                if (end != null && record.offset() < end) {
                    each.accept(record);
                }
            }
            ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
        }
        return done;
    }

    /**
     * Why, in the consumer's own words when it could not read the message (never the message), or
     * only the type of the failure when it could not apply it: a driver's message may quote values.
     */
    private static Letter letter(ConsumerRecord<String, String> record) {
        String failure = header(record.headers(), "dead-letter-exception-class-name");
        String reason = EventReader.UnreadableEventException.class.getName().equals(failure)
                ? header(record.headers(), "dead-letter-reason")
                : "not applied (" + (failure == null ? "unknown" : failure.substring(failure.lastIndexOf('.') + 1)) + ")";
        return new Letter(header(record.headers(), "dead-letter-topic"), record.topic(), record.partition(),
                record.offset(), Instant.ofEpochMilli(record.timestamp()), reason, failure);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The message's own headers (its trace, say), without those the dead-letter queue added. */
    private static List<Header> kept(Headers headers) {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(REDRIVEN_FROM)) {
                kept.add(header);
            }
        }
        return kept;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, REDRIVE_GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
