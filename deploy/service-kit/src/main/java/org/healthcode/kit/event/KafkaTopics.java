package org.healthcode.kit.event;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service uses before it uses them, with the broker's default partitions and
 * replication: the topics of its incoming channels and their dead-letter topics when it starts,
 * and the topic of an outbox event before the relay first sends to it. The platform does not
 * need the broker to create topics on first use (operators may switch that off).
 *
 * <p>Creating them first also avoids a Kafka defect (KAFKA-14359, KAFKA-15591): an idempotent
 * producer writing to a partition the broker has only just created can have its first request
 * refused and a later one accepted, and then retries the first until its delivery timeout. That
 * stalled the outbox relay, and so every event of the service, for two minutes.
 */
@ApplicationScoped
public class KafkaTopics {

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private final Admin admin;
    private final Config config;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private Cancellable creatingAtStart;

    public KafkaTopics(Admin admin, Config config) {
        this.admin = admin;
        this.config = config;
    }

    void createAtStart(@Observes StartupEvent started) {
        // until it succeeds: without its dead-letter topic, a consumer would wait on its first bad message
        List<String> topics = consumed();
        creatingAtStart = ensure(topics)
                .onFailure().invoke(e -> LOG.warnf("Topics not created yet (%s); trying again", e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(done -> LOG.debugf("Topics ready: %s", topics));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (creatingAtStart != null) {
            creatingAtStart.cancel();
        }
    }

    /** Answers once every topic exists and each of its partitions takes writes. */
    public Uni<Void> ensure(Collection<String> topics) {
        List<String> missing = topics.stream().distinct().filter(topic -> !ready.contains(topic)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>item(() -> {
            create(missing);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The topics of the service's Kafka consumers, each with its dead-letter topic. */
    List<String> consumed() {
        List<String> topics = new ArrayList<>();
        deadLetterTopics().forEach((deadLetters, topic) -> {
            topics.add(topic);
            topics.add(deadLetters);
        });
        return topics;
    }

    /** Each dead-letter topic of the service's Kafka consumers, with the topic its messages came from. */
    public Map<String, String> deadLetterTopics() {
        Map<String, String> topics = new java.util.TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher incoming = INCOMING.matcher(name);
            if (incoming.matches() && "smallrye-kafka".equals(config.getValue(name, String.class))) {
                String channel = incoming.group(1);
                String prefix = "mp.messaging.incoming." + channel + ".";
                topics.put(config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                                .orElse("dead-letter-topic-" + channel),
                        config.getOptionalValue(prefix + "topic", String.class).orElse(channel));
            }
        }
        return topics;
    }

    private void create(List<String> topics) {
        try {
            var created = admin.createTopics(
                    topics.stream().map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList(),
                    new CreateTopicsOptions().timeoutMs((int) READY_WITHIN.toMillis()));
            for (var topic : created.values().values()) {
                try {
                    topic.get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitWritable(topics);
            ready.addAll(topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("topics not created: " + topics, e);
        }
    }

    /**
     * Until every partition answers for its offsets from its leader: the broker names a leader a
     * moment before that leader takes writes, and a write in that moment starts the defect above.
     */
    private void awaitWritable(List<String> topics) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                        .values().forEach(topic -> topic.partitions().forEach(partition -> partitions.put(
                                new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                // unknown, or not led yet, until the broker has applied the creation
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topics not writable after " + READY_WITHIN + ": " + topics);
            }
            Thread.sleep(50);
        }
    }
}
