package org.healthcode.gateway.pages;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the H5 pages under {@code /app/} need before they can sign anyone in: where the province's
 * OpenID Connect provider is, as a browser reaches it, and the public client they log in with.
 * A plain route rather than a REST resource: it belongs to the pages, not to the API.
 */
@ApplicationScoped
public class PageSettings {

    private final String settings;

    /** Without a provider (a gateway that checks tokens against a public key alone) the pages cannot sign in. */
    public PageSettings(@ConfigProperty(name = "gateway.pages.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "gateway.pages.client-id") String clientId) {
        this.settings = new JsonObject().put("authServerUrl", authServerUrl.orElse(null)).put("clientId", clientId).encode();
    }

    void route(@Observes Router router) {
        router.get("/app/settings.json").handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(settings));
    }
}
