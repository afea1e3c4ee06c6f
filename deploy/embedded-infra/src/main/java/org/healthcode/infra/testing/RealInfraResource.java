package org.healthcode.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.healthcode.infra.DatabaseLogin;
import org.healthcode.infra.RealInfra;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared real Kafka and PostgreSQL, and makes the
 * service accept the bearer tokens that {@link TestTokens} signs. The service connects as its own
 * database role, named after the schema it owns ({@code healthcode.schema} in its
 * {@code application.properties}), which the embedded PostgreSQL makes as an operator would.
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {

    static final String SCHEMA = "healthcode.schema";

    @Override
    public Map<String, String> start() {
        return configFor(RealInfra.shared(), configuredSchema());
    }

    /** For the service under test, whose schema is the one its configuration names. */
    public static Map<String, String> configFor(RealInfra infra) {
        return configFor(infra, configuredSchema());
    }

    public static Map<String, String> configFor(RealInfra infra, String schema) {
        Map<String, String> config = new HashMap<>(new TestOidcResource().start());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.datasource.reactive.url", infra.postgres().reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl());
        DatabaseLogin login = infra.postgres().serviceLogin(schema);
        config.put("quarkus.datasource.username", login.user());
        config.put("quarkus.datasource.password", login.password());
        return config;
    }

    /**
     * The service's {@code healthcode.schema}: from the first {@code application.properties} on
     * the test class path that sets it (test resources come before the service's own), a
     * {@code %test.} value first.
     */
    static String configuredSchema() {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (URL file : Collections.list(loader.getResources("application.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(in);
                }
                String schema = properties.getProperty("%test." + SCHEMA, properties.getProperty(SCHEMA));
                if (schema != null) {
                    return schema.trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + SCHEMA + " in any application.properties: a service under test "
                + "names the schema it owns, and connects as the role of that name");
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; RealInfra stops it at exit.
    }
}
