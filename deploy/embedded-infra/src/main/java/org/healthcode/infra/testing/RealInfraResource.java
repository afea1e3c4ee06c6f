package org.healthcode.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.healthcode.infra.Postgres;
import org.healthcode.infra.RealInfra;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared real Kafka and PostgreSQL, and makes the
 * service accept the bearer tokens that {@link TestTokens} signs.
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return configFor(RealInfra.shared());
    }

    public static Map<String, String> configFor(RealInfra infra) {
        Map<String, String> config = new HashMap<>(new TestOidcResource().start());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.datasource.reactive.url", infra.postgres().reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl());
        config.put("quarkus.datasource.username", Postgres.USER);
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; RealInfra stops it at exit.
    }
}
