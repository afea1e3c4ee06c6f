package org.healthcode.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * How far each of the service's consumer groups is behind on each topic it reads: the topic's end
 * offsets minus the group's committed offsets (from the oldest record kept, for a partition the group
 * never committed), as {@code healthcode_consumer_lag_records{group, topic}}. Asked of the broker, so
 * a consumer that is stuck or gone still shows its lag growing; every replica reports its group's
 * same figure (a dashboard takes the max). Refreshed every {@code healthcode.metrics.refresh-every}.
 */
@ApplicationScoped
public class ConsumerLag {

    public static final String METER = "healthcode.consumer.lag";

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final long TIMEOUT_MS = 5000;

    private record GroupTopic(String group, String topic) {
    }

    private final Admin admin;
    private final KafkaClientService clients;
    private final Config config;
    private final MeterRegistry registry;
    private final Map<GroupTopic, AtomicLong> lags = new ConcurrentHashMap<>();

    public ConsumerLag(Admin admin, KafkaClientService clients, Config config, MeterRegistry registry) {
        this.admin = admin;
        this.clients = clients;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(every = "${healthcode.metrics.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the last figures stay; KafkaReadiness tells that the broker is gone
            LOG.debugf("Consumer lag not refreshed: %s", e.getClass().getName());
        }
    }

    /** Asks the broker for every consumed topic's lag now (blocking: a worker thread's job). */
    public void refresh() {
        Map<String, List<GroupTopic>> byGroup = clients.getConsumerChannels().stream()
                .map(channel -> new GroupTopic(groupOf(channel), topicOf(channel)))
                .distinct()
                .collect(Collectors.groupingBy(GroupTopic::group));
        byGroup.forEach((group, consumed) -> lag(group, consumed.stream().map(GroupTopic::topic).toList())
                .forEach((topic, lag) -> gauge(new GroupTopic(group, topic)).set(lag)));
    }

    /**
     * Records of each of {@code topics} that {@code group} has not committed yet: per partition the
     * end offset minus the committed one, or minus the oldest offset kept where the group committed
     * nothing (a new group starts from the oldest event).
     */
    public Map<String, Long> lag(String group, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(p -> {
                        TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                        latest.put(partition, OffsetSpec.latest());
                        earliest.put(partition, OffsetSpec.earliest());
                    }));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Long> lag = new HashMap<>();
            topics.forEach(topic -> lag.put(topic, 0L));
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                lag.merge(partition.topic(), Math.max(0, end.offset() - from), Long::sum);
            });
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("offsets of group " + group + " not known", e);
        }
    }

    private AtomicLong gauge(GroupTopic key) {
        return lags.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(METER, value, AtomicLong::get)
                    .description("Records of the topic the consumer group has not committed yet")
                    .baseUnit("records")
                    .tags("group", k.group(), "topic", k.topic())
                    .register(registry);
            return value;
        });
    }

    private String groupOf(String channel) {
        Object group = clients.getConsumer(channel).configuration().get(ConsumerConfig.GROUP_ID_CONFIG);
        return group == null ? "none" : group.toString();
    }

    private String topicOf(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class).orElse(channel);
    }
}
