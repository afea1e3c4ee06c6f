package org.healthcode.kit.governance;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteRecordsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The destruction's part on Kafka: every topic of the platform (dead-letter topics included: their
 * events carry pseudonyms and health facts too) emptied up to its end, with Kafka's own
 * delete-records, which leaves the topics, their consumers and their offsets in place. Run once per
 * destruction, by one service for the whole platform; it says what it removed and that each topic
 * is empty (its start offset is its end offset).
 */
@ApplicationScoped
public class TopicErasure {

    private static final Logger LOG = Logger.getLogger(TopicErasure.class);
    private static final long WITHIN_SECONDS = 60;
    private static final int TIMEOUT_MS = 30_000;

    /** One topic after the erasure: the events removed, and whether none is left. */
    public record TopicCount(String topic, long removed, boolean empty) {
    }

    /** Every topic's count, and whether every topic is empty. */
    public record Erasure(String service, List<TopicCount> topics, boolean empty) {

        public long removed() {
            return topics.stream().mapToLong(TopicCount::removed).sum();
        }
    }

    private final Admin admin;
    private final String service;

    public TopicErasure(Admin admin, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.admin = admin;
        this.service = service;
    }

    /** Empties every topic but Kafka's internal ones. */
    public Uni<Erasure> emptyEveryTopic() {
        return Uni.createFrom().item(this::erase).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Erasure erase() {
        try {
            Set<String> topics = new TreeSet<>(admin.listTopics(new ListTopicsOptions().timeoutMs(TIMEOUT_MS)).names().get(WITHIN_SECONDS, TimeUnit.SECONDS));
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription topic : admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(TIMEOUT_MS)).allTopicNames()
                    .get(WITHIN_SECONDS, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            partitions.stream().filter(p -> end.get(p) > start.get(p))
                    .forEach(p -> deletions.put(p, RecordsToDelete.beforeOffset(end.get(p))));
            if (!deletions.isEmpty()) {
                admin.deleteRecords(deletions, new DeleteRecordsOptions().timeoutMs(TIMEOUT_MS))
                        .all().get(WITHIN_SECONDS, TimeUnit.SECONDS);
            }
            Map<TopicPartition, Long> startAfter = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> endAfter = offsets(partitions, OffsetSpec.latest());
            Map<String, long[]> perTopic = new java.util.TreeMap<>();
            topics.forEach(topic -> perTopic.put(topic, new long[] {0, 1}));
            for (TopicPartition p : partitions) {
                long[] counts = perTopic.get(p.topic());
                counts[0] += end.get(p) - start.get(p);
                if (!endAfter.get(p).equals(startAfter.get(p))) {
                    counts[1] = 0;
                }
            }
            List<TopicCount> counts = perTopic.entrySet().stream()
                    .map(e -> new TopicCount(e.getKey(), e.getValue()[0], e.getValue()[1] == 1)).toList();
            Erasure erasure = new Erasure(service, counts, counts.stream().allMatch(TopicCount::empty));
            LOG.warnf("End of emergency: %d events removed from %d topics; every topic empty: %s", erasure.removed(),
                    counts.size(), erasure.empty());
            return erasure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while emptying the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the topics could not be emptied: " + e.getClass().getSimpleName(), e);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
        partitions.forEach(p -> asked.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> answer : admin.listOffsets(asked, new ListOffsetsOptions().timeoutMs(TIMEOUT_MS)).all()
                .get(WITHIN_SECONDS, TimeUnit.SECONDS).entrySet()) {
            offsets.put(answer.getKey(), answer.getValue().offset());
        }
        return offsets;
    }
}
