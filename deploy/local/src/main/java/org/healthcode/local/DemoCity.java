package org.healthcode.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small demo city, loaded through the gateway as the mini-program and the authority would:
 * the demo citizens registered, a few hundred generated residents (Keycloak users resident001…,
 * password demo) with declarations across the colours, one high-risk and one medium-risk region.
 * Residents are the same on every start (fixed seeds); each start declares for them again, so the
 * demo colours are today's. Then {@link DemoDay}: venues of every type and a day of scans.
 */
final class DemoCity {

    static final int RESIDENTS = 300;
    static final String HIGH_RISK_REGION = "420106";   // 武昌区
    static final String MEDIUM_RISK_REGION = "440106"; // 天河区

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[] FAMILY = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "杰", "涛"};
    /** Request bodies written and answers read as JSON (DemoDay too). */
    static final ObjectMapper JSON = new ObjectMapper();

    /** A demo resident as loaded today: its login, seed, declaration profile and access token. */
    record Resident(String username, int seed, String profile, String token) {

        /** Declares its way into green (gold included). */
        boolean green() {
            return profile.equals("GOLD") || profile.equals("GREEN");
        }
    }

    private final String gateway;
    private final String keycloak;
    private final String tokenEndpoint;
    private final Path state;
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code state}: the folder where the demo keeps what it must find again on the next start. */
    DemoCity(String gateway, String keycloak, Path state) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tokenEndpoint = keycloak + "/realms/healthcode/protocol/openid-connect/token";
        this.state = state;
    }

    /**
     * The realm to import, with the generated residents added. (The local realm hashes passwords
     * cheaply so that a few hundred demo logins take seconds; never a production setting.)
     */
    static String realmWithResidents(String realm) {
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= RESIDENTS; i++) {
            String username = username(i);
            users.append(String.format("""
                    {"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Demo",
                     "lastName": "Resident %d", "email": "%s@demo.healthcode.invalid",
                     "credentials": [{"type": "password", "value": "demo", "temporary": false}],
                     "realmRoles": ["citizen"]},
                    """, username, i, username));
        }
        String withResidents = realm.replaceFirst("\"users\"\\s*:\\s*\\[",
                "\"users\": [\n" + users.toString().replace("\n", "\n    "));
        if (withResidents.equals(realm)) {
            throw new IllegalStateException("the realm file has no users list");
        }
        return withResidents;
    }

    /** Loads the city; answers a one-line summary. */
    String load() throws Exception {
        String authority = login("authority1");
        send("PUT", "/api/v1/regions/" + HIGH_RISK_REGION + "/risk", authority, Map.of("level", "HIGH"));
        send("PUT", "/api/v1/regions/" + MEDIUM_RISK_REGION + "/risk", authority, Map.of("level", "MEDIUM"));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        AtomicInteger registered = new AtomicInteger();
        List<Future<Resident>> work = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Resident> residents = new ArrayList<>();
        try {
            work.add(pool.submit(() -> resident("citizen1", 1001, today, "GOLD", registered)));
            work.add(pool.submit(() -> resident("citizen2", 1002, today, "FEVER", registered)));
            work.add(pool.submit(() -> resident("citizen3", 1003, today, "GREEN", registered)));
            for (int i = 1; i <= RESIDENTS; i++) {
                int n = i;
                work.add(pool.submit(() -> resident(username(n), n, today, profile(n), registered)));
            }
            for (Future<Resident> each : work) {
                residents.add(each.get());
            }
        } finally {
            pool.shutdown();
        }
        awaitCodes(residents);
        String day = new DemoDay(this, state.resolve("demo-city.properties"), today).run(residents);
        return (RESIDENTS + 3) + " residents declared today (" + registered.get() + " newly registered); region "
                + HIGH_RISK_REGION + " high risk, " + MEDIUM_RISK_REGION + " medium risk;\n  " + day;
    }

    /** Colours follow the declarations a moment later; a resident scanned before has no code to show. */
    private void awaitCodes(List<Resident> residents) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (Resident resident : residents) {
            while (call("GET", "/api/v1/me/code", resident.token(), null).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no code for " + resident.username() + " after two minutes");
                }
                Thread.sleep(250);
            }
        }
    }

    /** Which colour a generated resident declares its way into: mostly green, some of each other. */
    private static String profile(int n) {
        int bucket = n % 20;
        if (bucket < 6) return "GOLD";
        if (bucket < 14) return "GREEN";
        if (bucket < 16) return "FEVER";
        if (bucket < 17) return "MEDIUM_TRAVEL";
        if (bucket < 19) return "HIGH_TRAVEL";
        return "INBOUND";
    }

    private Resident resident(String username, int seed, LocalDate today, String profile, AtomicInteger registered)
            throws Exception {
        String token = login(username);
        Random random = new Random(seed);
        String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + GIVEN[random.nextInt(GIVEN.length)];
        Map<String, Object> registration = Map.of("name", name, "documentType", "RESIDENT_ID",
                "documentNumber", idNumber(random),
                "phone", "138" + String.format("%08d", random.nextInt(100_000_000)), "regionCode", "330106");
        int status = send("POST", "/api/v1/me/registration", token, registration);
        if (status == 201) {
            registered.incrementAndGet();
        } else if (status != 409) { // 409: registered on an earlier start; declare again for today
            throw new IllegalStateException("registering " + username + " answered " + status);
        }
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("travel", List.of());
        declaration.put("contactWithCase", false);
        declaration.put("symptoms", List.of());
        declaration.put("temperature", 36.5);
        declaration.put("vaccination", Map.of("doses", 1, "lastDose", "2022-03-01"));
        declaration.put("inbound", null);
        switch (profile) {
            case "GOLD" -> declaration.put("vaccination", Map.of("doses", 3, "lastDose", "2022-09-01"));
            case "FEVER" -> {
                declaration.put("symptoms", List.of("FEVER", "DRY_COUGH"));
                declaration.put("temperature", 38.3);
            }
            case "MEDIUM_TRAVEL" -> declaration.put("travel", trip(MEDIUM_RISK_REGION, today));
            case "HIGH_TRAVEL" -> declaration.put("travel", trip(HIGH_RISK_REGION, today));
            case "INBOUND" -> declaration.put("inbound", Map.of("flight", "CA982", "fromCountry", "US",
                    "arrivalDate", today.minusDays(2).toString(), "port", "PVG"));
            default -> { }
        }
        int declared = send("POST", "/api/v1/me/declarations", token, declaration);
        if (declared != 201) {
            throw new IllegalStateException("declaring for " + username + " answered " + declared);
        }
        return new Resident(username, seed, profile, token);
    }

    private static List<Map<String, String>> trip(String region, LocalDate today) {
        return List.of(Map.of("regionCode", region, "from", today.minusDays(4).toString(),
                "to", today.minusDays(2).toString()));
    }

    String login(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=mini-program&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String token = field(answer.body(), "access_token");
        if (answer.body().contains("\"invalid_grant\"") && username.startsWith("resident")) {
            // Keycloak imports the realm only when it has none: a .local/ from before the residents lacks them
            throw new IllegalStateException("login of " + username + " refused: the realm in .local/ predates the "
                    + "demo residents. Run deploy/local/down, delete .local/ and run deploy/local/up again");
        }
        if (answer.statusCode() != 200 || token == null) {
            throw new IllegalStateException("login of " + username + " answered " + answer.statusCode());
        }
        return token;
    }

    /**
     * Gives a demo community worker their community: the user attribute {@code communities} (their
     * token's claim), set through Keycloak's admin API as the local bootstrap admin. Answers whether it
     * could; the demo goes on without it.
     */
    boolean assignCommunity(String username, String venueId) throws InterruptedException {
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(keycloak
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                            + "&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
            String admin = field(login.body(), "access_token");
            if (admin == null) {
                return false;
            }
            String users = keycloak + "/admin/realms/healthcode/users";
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin)
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode user = JSON.readTree(found.body()).path(0);
            if (!(user instanceof ObjectNode representation)) {
                return false;
            }
            representation.with("attributes").putArray("communities").add(venueId);
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(users + "/"
                            + user.path("id").asText())).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(representation))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return saved.statusCode() == 204;
        } catch (IOException e) {
            return false;
        }
    }

    /** A text field of a JSON answer; null when the answer has none or is not JSON. */
    static String field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).path(name);
            return value.isValueNode() && !value.isNull() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private int send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        return call(method, path, token, body).statusCode();
    }

    /** A call to the gateway as the token's holder, with {@code body} as JSON ({@code null} for none). */
    HttpResponse<String> call(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String username(int n) {
        return String.format("resident%03d", n);
    }

    /** A well-formed resident ID number (GB 11643 check digit), the same for the same seed. */
    private static String idNumber(Random random) {
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 75));
        String body = "330106" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
