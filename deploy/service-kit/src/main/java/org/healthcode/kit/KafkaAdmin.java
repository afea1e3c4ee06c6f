package org.healthcode.kit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one Kafka admin client (readiness, topic creation). Requests give up within
 * seconds, so a caller learns that the broker is gone instead of waiting on it.
 */
@ApplicationScoped
public class KafkaAdmin {

    static final int REQUEST_TIMEOUT_MS = 2000;

    @Produces
    @Singleton
    Admin admin(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(1));
    }
}
