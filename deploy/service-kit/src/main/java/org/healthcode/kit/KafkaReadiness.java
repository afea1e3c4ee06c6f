package org.healthcode.kit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker answers. Quarkus's own Kafka check waits without a limit when the
 * broker is gone, so a probe would time out instead of reading DOWN; this one answers in seconds.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final Admin admin;

    public KafkaReadiness(Admin admin) {
        this.admin = admin;
    }

    @Override
    public HealthCheckResponse call() {
        int timeout = KafkaAdmin.REQUEST_TIMEOUT_MS;
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout))
                    .nodes().get(timeout + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
