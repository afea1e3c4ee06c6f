package org.healthcode.codeissuer;

import java.util.HashMap;
import java.util.Map;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.RealInfraResource;

/**
 * Real Kafka and PostgreSQL, plus signing keys made for this test run: "k0" (retired, verifies
 * only), "k1" (signs) and "kx" (revoked though still listed). Every test class of this module
 * names this resource, so the application starts once for all of them.
 */
public class CodeIssuerTestResource extends RealInfraResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("code-issuer.keys", String.join(",", TestKeys.entry("k0"), TestKeys.entry("k1"), TestKeys.entry("kx")));
        config.put("code-issuer.signing-kid", "k1");
        config.put("code-issuer.revoked-kids", "kx");
        return config;
    }
}
