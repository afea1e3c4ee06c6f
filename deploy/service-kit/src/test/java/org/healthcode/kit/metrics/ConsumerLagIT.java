package org.healthcode.kit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

/** The lag figure against the real broker: a group's committed offsets against the topic's end. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ConsumerLagIT {

    @Inject
    ConsumerLag lag;
    @Inject
    Admin admin;

    @Test
    void aGroupIsBehindByWhatItHasNotCommittedAndANewGroupByEverything() throws Exception {
        String topic = "lag-probe-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                .get(10, TimeUnit.SECONDS);
        KafkaTestClient.sendAll(topic, "sub-lag", List.of("1", "2", "3", "4", "5"));
        String group = "lag-probe-group-" + UUID.randomUUID();
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                .all().get(10, TimeUnit.SECONDS);

        assertEquals(Map.of(topic, 3L), lag.lag(group, List.of(topic)), "five published, two committed");
        assertEquals(Map.of(topic, 5L), lag.lag("never-consumed-" + UUID.randomUUID(), List.of(topic)),
                "a group that committed nothing starts from the oldest");
    }
}
