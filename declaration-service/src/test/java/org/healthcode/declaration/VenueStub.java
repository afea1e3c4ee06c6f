package org.healthcode.declaration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * scan-checkpoint-service's {@code GET /v1/venues/{id}/place} as a stand-in, answering from the id
 * itself so that tests need not share state with it: the id's third group says the type
 * ({@code 4c0c} a residential community, {@code 4d0d} a mall, {@code 4e0e} a failing service), the
 * first six digits of its last group the region; any other id is no venue. A call without a bearer
 * token is refused, as the real one would.
 */
final class VenueStub {

    private static HttpServer server;

    private VenueStub() {
    }

    /** Starts the stand-in once; answers its base URL. */
    static synchronized String start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/v1/venues/", VenueStub::answer);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A venue id of a residential community in a region (GB/T 2260, 6 digits). */
    static String community(String regionCode) {
        return id("4c0c", regionCode);
    }

    static String mall(String regionCode) {
        return id("4d0d", regionCode);
    }

    static String failing() {
        return id("4e0e", "330106");
    }

    private static String id(String kind, String regionCode) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%08x-%04x-%s-8%03x-%s%06d", random.nextInt(), random.nextInt(0x10000), kind,
                random.nextInt(0x1000), regionCode, random.nextInt(1_000_000));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            send(exchange, 401, "{\"error\":\"UNAUTHENTICATED\"}");
            return;
        }
        String id = path.length == 5 && path[4].equals("place") ? path[3] : "";
        String[] groups = id.split("-");
        boolean wellFormed;
        try {
            wellFormed = UUID.fromString(id).toString().equals(id) && groups.length == 5;
        } catch (IllegalArgumentException e) {
            wellFormed = false;
        }
        String type = !wellFormed ? null : switch (groups[2]) {
            case "4c0c" -> "RESIDENTIAL_COMMUNITY";
            case "4d0d" -> "MALL";
            case "4e0e" -> "FAIL";
            default -> null;
        };
        if (type == null) {
            send(exchange, 404, "{\"error\":\"VENUE_NOT_FOUND\",\"message\":\"No such venue\"}");
        } else if (type.equals("FAIL")) {
            send(exchange, 500, "{\"error\":\"INTERNAL\"}");
        } else {
            String region = groups[4].substring(0, 6);
            send(exchange, 200, "{\"id\":\"" + id + "\",\"name\":\"翠苑一区\",\"type\":\"" + type + "\",\"regionCode\":\""
                    + region + "\",\"province\":\"" + region.substring(0, 2) + "0000\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
