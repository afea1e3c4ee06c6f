package org.healthcode.kit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    @Test
    void aServiceCreatesTheTopicsItConsumesAndTheirDeadLetterTopics() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "mp.messaging.incoming.case-confirmed.connector", "smallrye-kafka",
                "mp.messaging.incoming.scans.connector", "smallrye-kafka",
                "mp.messaging.incoming.scans.topic", "scan-recorded",
                "mp.messaging.incoming.scans.dead-letter-queue.topic", "scan-recorded-unreadable",
                "mp.messaging.incoming.in-memory.connector", "smallrye-in-memory",
                "mp.messaging.outgoing.outbox.connector", "smallrye-kafka"), "test", 100)).build();

        assertEquals(Set.of("case-confirmed", "dead-letter-topic-case-confirmed", "scan-recorded",
                "scan-recorded-unreadable"), new HashSet<>(new KafkaTopics(null, config).consumed()));
    }
}
