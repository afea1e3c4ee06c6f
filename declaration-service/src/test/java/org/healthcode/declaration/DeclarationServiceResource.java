package org.healthcode.declaration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.healthcode.infra.testing.RealInfraResource;

/**
 * Real Kafka and PostgreSQL, plus the two keys this service will not start without: random for
 * each test run, as no key may live in the source. Every IT of this module uses this one
 * resource, so the application starts once.
 */
public class DeclarationServiceResource extends RealInfraResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("declaration.pseudonym-key", randomKey());
        config.put("declaration.data-key", randomKey());
        return config;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
