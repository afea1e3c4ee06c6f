package org.healthcode.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes an application that needs no database or broker accept {@link TestTokens}, and gives the
 * gateway its client credentials at {@link TestTokenEndpoint}.
 */
public class TestOidcResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", TestTokens.publicKeyBase64(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc-client.auth-server-url", TestTokenEndpoint.authServerUrl(),
                "quarkus.oidc-client.credentials.secret", TestTokenEndpoint.secret("gateway"));
    }

    @Override
    public void stop() {
    }
}
