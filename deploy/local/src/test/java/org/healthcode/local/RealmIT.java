package org.healthcode.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthcode.infra.FreePort;
import org.healthcode.infra.Processes;
import org.healthcode.infra.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local realm as Keycloak itself enforces it: a real Keycloak from its distribution with the
 * realm of {@code deploy/local/keycloak} imported. Guessing passwords locks an account; weak passwords
 * are refused; the gateway's client gets a token holding the platform's role, which no person holds.
 */
class RealmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String GATEWAY_SECRET = "test-" + Long.toHexString(System.nanoTime());

    private static Process keycloak;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        Path home = Files.createDirectories(root.resolve("deploy/local/target/realm-it"));
        int port = FreePort.find();
        base = "http://127.0.0.1:" + port;
        Path log = home.resolve("keycloak.log");
        // a fresh database each run, so the realm is imported as the file says
        deleteTree(home.resolve(Keycloak.VERSION_DIR).resolve("data/h2"));
        keycloak = Keycloak.start(root, home, port, Keycloak.realm(root, GATEWAY_SECRET), log);
        ServiceProcess.awaitOk("Keycloak (log " + log + ")", base + "/realms/healthcode", keycloak, Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            Processes.stop(keycloak, Duration.ofSeconds(30));
        }
    }

    @Test
    void guessingAPasswordLocksTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> wrong = password("citizen3", "guess-" + i);
            assertTrue(wrong.statusCode() == 400 || wrong.statusCode() == 401, wrong.body());
        }
        HttpResponse<String> right = password("citizen3", "demo");
        assertFalse(right.body().contains("access_token"), "a token after 20 wrong passwords");
        assertTrue(right.statusCode() == 400 || right.statusCode() == 401, right.body());
        // the lock is the account's, not everyone's
        assertEquals(200, password("citizen2", "demo").statusCode());
    }

    @Test
    void theGatewaysClientGetsTheRoleOfThePlatformAndNoPersonHoldsIt() throws Exception {
        HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", "gateway",
                "client_secret", GATEWAY_SECRET));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode claims = claims(answer);
        assertEquals(List.of("platform"), roles(claims).stream().filter(role -> !role.startsWith("default-roles")
                && !role.equals("offline_access") && !role.equals("uma_authorization")).toList());
        assertEquals("gateway", claims.path("azp").asText(), "the token is the gateway client's own");

        assertEquals(401, token(Map.of("grant_type", "client_credentials", "client_id", "gateway",
                "client_secret", "wrong")).statusCode());
        for (String person : List.of("citizen1", "checkpoint1", "authority1", "epi1", "admin1")) {
            HttpResponse<String> login = password(person, "demo");
            assertEquals(200, login.statusCode(), person + ": " + login.body());
            assertFalse(roles(claims(login)).contains("platform"), person + " holds the platform's role");
        }
    }

    /**
     * A community worker's token names the communities they serve: the demo's way of giving
     * community1 its community (the admin API, as {@code deploy/local/up} does) reaches the claim.
     */
    @Test
    void aCommunityWorkersTokenCarriesTheCommunitiesTheyServe() throws Exception {
        String venueId = java.util.UUID.randomUUID().toString();
        assertTrue(new DemoCity("http://127.0.0.1:1", base, Path.of("target")).assignCommunity("community1", venueId),
                "community1 given a community through the admin API");
        HttpResponse<String> login = password("community1", "demo");
        assertEquals(200, login.statusCode(), login.body());
        JsonNode claims = claims(login);
        assertTrue(roles(claims).contains("community"), claims.toString());
        assertEquals("[\"" + venueId + "\"]", claims.path("communities").toString());
        assertEquals("330000", claims.path("province").asText());
    }

    @Test
    void aWeakPasswordIsRefused() throws Exception {
        String admin = JSON.readTree(post(base + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .body()).path("access_token").asText();
        HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/admin/realms/healthcode/users?exact=true&username=checkpoint-sh"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(users.body()).get(0).path("id").asText();
        List<String> refused = new ArrayList<>();
        for (String weak : List.of("abc", "checkpoint-sh")) {
            HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(base
                            + "/admin/realms/healthcode/users/" + id + "/reset-password"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"password\",\"value\":\"" + weak
                            + "\",\"temporary\":false}")).build(), HttpResponse.BodyHandlers.ofString());
            if (reset.statusCode() == 400) {
                refused.add(weak);
            }
        }
        assertEquals(List.of("abc", "checkpoint-sh"), refused, "too short, and the username itself");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static HttpResponse<String> password(String user, String password) throws Exception {
        return token(Map.of("grant_type", "password", "client_id", "mini-program", "username", user,
                "password", password));
    }

    private static HttpResponse<String> token(Map<String, String> form) throws Exception {
        return post(base + "/realms/healthcode/protocol/openid-connect/token", form);
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(HttpResponse<String> answer) throws IOException {
        String token = JSON.readTree(answer.body()).path("access_token").asText();
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertTrue(claims.has("realm_access"), "realm roles in the token");
        return roles;
    }
}
