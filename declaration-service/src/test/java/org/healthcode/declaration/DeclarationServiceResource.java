package org.healthcode.declaration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.healthcode.declaration.crypto.TestKeysets;
import org.healthcode.infra.testing.RealInfraResource;

/**
 * Real Kafka and PostgreSQL, plus the keys this service will not start without: random for each
 * test run, as no key may live in the source. The data keys are those of a rotation under way: the
 * single data key of before keysets ({@code declaration.data-key}), and a keyset that holds it and
 * a new primary key. Venues come from a stand-in for scan-checkpoint-service ({@link VenueStub}). The re-encryption job waits an hour, so a test runs it when it means to, in batches of 4. Every
 * IT of this module uses this one resource, so the application starts once.
 */
public class DeclarationServiceResource extends RealInfraResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("declaration.pseudonym-key", randomKey());
        byte[] dataKey = TestKeysets.randomKey();
        config.put("declaration.data-key", Base64.getEncoder().encodeToString(dataKey));
        config.put("declaration.data-keyset", TestKeysets.json(
                TestKeysets.withNewKey(TestKeysets.parse(TestKeysets.singleKeyJson(dataKey)), true)));
        config.put("declaration.re-encryption.delay", "1h");
        config.put("declaration.re-encryption.batch-size", "4");
        // scan-checkpoint-service, asked about the venue a resident names as their community
        config.put("quarkus.rest-client.scan-checkpoint.url", VenueStub.start());
        return config;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
