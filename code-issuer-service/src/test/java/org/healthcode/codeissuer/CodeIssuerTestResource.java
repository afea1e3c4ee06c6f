package org.healthcode.codeissuer;

import java.util.HashMap;
import java.util.Map;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.RealInfraResource;

/**
 * Real Kafka and PostgreSQL, plus signing keys made for this test run: "old" (retired, verifies
 * only), "now" (signs) and "bad" (revoked though still listed). Every test class of this module
 * names this resource, so the application starts once for all of them.
 */
public class CodeIssuerTestResource extends RealInfraResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("code-issuer.keys", String.join(",", TestKeys.entry("old"), TestKeys.entry("now"), TestKeys.entry("bad")));
        config.put("code-issuer.signing-kid", "now");
        config.put("code-issuer.revoked-kids", "bad");
        return config;
    }
}
