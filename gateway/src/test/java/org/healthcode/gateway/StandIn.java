package org.healthcode.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP server on a free port standing in for one service: answers by method and path as
 * the service's contract says, and remembers every call it got (path, query, token, language, body).
 */
final class StandIn {

    record Call(String method, String rawPath, String rawQuery, String authorization, String language, String body,
            String onBehalfOf, String onBehalfOfProvince) {

        /** Whether the gateway called with its own service identity (the realm role {@code platform}). */
        boolean asPlatform() {
            return "service-account-gateway".equals(subject()) && claims().contains("\"platform\"");
        }

        private String claims() {
            String[] parts = authorization.substring(7).split("\\.");
            return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        }


        private static final ObjectMapper JSON = new ObjectMapper();

        /** The {@code sub} of the bearer token the gateway forwarded; the stand-in trusts it. */
        String subject() {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return null;
            }
            String[] parts = authorization.substring(7).split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher sub = Pattern.compile("\"sub\":\"([^\"]*)\"").matcher(claims);
            return sub.find() ? sub.group(1) : null;
        }

        String field(String name) {
            Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            return value.find() ? value.group(1) : null;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A query parameter as sent (not decoded), or null. */
        String query(String name) {
            if (rawQuery == null) {
                return null;
            }
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                if (parts[0].equals(name)) {
                    return parts.length > 1 ? parts[1] : "";
                }
            }
            return null;
        }
    }

    record Answer(int status, String contentType, byte[] body) {

        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer error(int status, String code) {
            return json(status, "{\"error\":\"" + code + "\",\"message\":\"Refused by the stand-in\",\"details\":[]}");
        }
    }

    interface Handler {
        Answer answer(Call call, Matcher path);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    StandIn(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    StandIn on(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls to one path (a regular expression), in order. */
    List<Call> calls(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return calls.stream().filter(call -> call.method().equals(method) && path.matcher(call.rawPath()).matches())
                .toList();
    }

    Call lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError(name + " got no call");
        }
        return calls.get(calls.size() - 1);
    }

    void forgetCalls() {
        calls.clear();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Accept-Language"), body,
                exchange.getRequestHeaders().getFirst("Healthcode-On-Behalf-Of"),
                exchange.getRequestHeaders().getFirst("Healthcode-On-Behalf-Of-Province"));
        calls.add(call);
        Answer answer = Answer.error(404, "NOT_FOUND");
        for (Route route : routes) {
            Matcher path = route.path().matcher(call.rawPath());
            if (route.method().equals(call.method()) && path.matches()) {
                answer = route.handler().answer(call, path);
                break;
            }
        }
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
