package org.healthcode.infra.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The OIDC provider's token endpoint, as far as the platform's own services use it: the client-
 * credentials grant of a confidential client, answered with a {@link TestTokens#platform} token. The
 * client authenticates with HTTP Basic (client id and secret), as Keycloak expects by default. One
 * per test JVM, on a free loopback port.
 */
public final class TestTokenEndpoint {

    /** The realm path, so that {@link #authServerUrl()} looks like Keycloak's. */
    private static final String REALM = "/realms/healthcode";
    private static final Map<String, String> CLIENTS = Map.of("gateway", secret("gateway"));
    private static HttpServer server;
    private static int port;

    private TestTokenEndpoint() {
    }

    /** The client's secret in the tests (made per test JVM, like the signing keys). */
    public static String secret(String client) {
        return client + "-" + TestTokens.publicKeyBase64().substring(64, 96).replaceAll("[^A-Za-z0-9]", "x");
    }

    /** The provider's URL for {@code quarkus.oidc-client.auth-server-url}; starts the endpoint once. */
    public static synchronized String authServerUrl() {
        if (server == null) {
            listen(0);
        }
        return "http://127.0.0.1:" + port + REALM;
    }

    /** Stops answering (connections refused), as a provider that is down; {@link #start()} brings it back. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Answers again, on the same port. */
    public static synchronized void start() {
        if (server == null) {
            listen(port);
        }
    }

    private static void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(REALM + "/protocol/openid-connect/token", TestTokenEndpoint::token);
        server.start();
        port = server.getAddress().getPort();
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] basic = basic(exchange.getRequestHeaders().getFirst("Authorization"));
        String client = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))) {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        } else if (client == null || !CLIENTS.containsKey(client) || !CLIENTS.get(client).equals(secret)) {
            answer(exchange, 401, "{\"error\":\"unauthorized_client\"}");
        } else {
            answer(exchange, 200, "{\"access_token\":\"" + TestTokens.platform(client)
                    + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
        }
    }

    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
