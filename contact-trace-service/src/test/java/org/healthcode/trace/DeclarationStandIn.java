package org.healthcode.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for declaration-service's {@code GET /v1/subjects/{id}/jurisdiction}, the one call this
 * service makes to another: a subject registered in a province (see {@link #register}) is refused
 * (403) to staff of any other, as declaration-service does; anyone else is "not registered". The
 * real pair is exercised end to end in deploy/e2e.
 */
public final class DeclarationStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PROVINCES = new ConcurrentHashMap<>();
    private static final Map<String, String> LAST_AUTHORIZATION = new ConcurrentHashMap<>();
    private static HttpServer server;

    private DeclarationStandIn() {
    }

    static synchronized String start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/v1/subjects/", DeclarationStandIn::answer);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The subject is a person registered in {@code province}. */
    public static void register(String subjectId, String province) {
        PROVINCES.put(subjectId, province);
    }

    /** The Authorization header of the last question about this subject. */
    public static String lastAuthorization(String subjectId) {
        return LAST_AUTHORIZATION.get(subjectId);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String subjectId = path.length > 3 ? path[3] : "";
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        LAST_AUTHORIZATION.put(subjectId, authorization == null ? "" : authorization);
        String province = PROVINCES.get(subjectId);
        int status;
        String body;
        if (province == null) {
            status = 200;
            body = "{\"subjectId\":\"" + subjectId + "\",\"registered\":false,\"province\":null}";
        } else if (province.equals(callerProvince(authorization))) {
            status = 200;
            body = "{\"subjectId\":\"" + subjectId + "\",\"registered\":true,\"province\":\"" + province + "\"}";
        } else {
            status = 403;
            body = "{\"error\":\"FORBIDDEN_PROVINCE\",\"message\":\"This person belongs to another province\",\"details\":[]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String callerProvince(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("province").asText(null);
    }
}
