package org.healthcode.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Not a test: {@code GET /api/v1/me/code} through the gateway (gateway → declaration-service →
 * code-issuer-service, a fresh signed token each time) on the whole platform, many residents at
 * once. Run with
 * {@code mvn -o -pl deploy/e2e verify -Dtest=GatewayCodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * after {@code mvn install -DskipTests}.
 */
class GatewayCodeBenchmark {

    private static final int RESIDENTS = 100;
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));

    @Test
    void codesPerSecondThroughTheGateway() throws Exception {
        Platform platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            CitizenJourneyIT.Citizen citizen = CitizenJourneyIT.Citizen.registered();
            given().auth().oauth2(citizen.token).contentType(ContentType.JSON)
                    .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5))
                    .post("/api/v1/me/declarations").then().statusCode(201);
            tokens.add(citizen.token);
        }
        for (String token : tokens) {
            CitizenJourneyIT.await("a colour", () -> given().auth().oauth2(token).get("/api/v1/me/code"), c -> true);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(http, platform.gatewayUrl(), tokens, WARM_UP);
        Result result = run(http, platform.gatewayUrl(), tokens, MEASURE);
        System.out.printf("%nGET /api/v1/me/code through the gateway, %d clients, %d residents, %d s%n",
                CLIENTS, RESIDENTS, MEASURE.toSeconds());
        System.out.printf("  %,.0f requests/s   p50 %.1f ms   p99 %.1f ms   errors %d of %d%n%n",
                result.count / (double) MEASURE.toSeconds(), result.percentile(50), result.percentile(99),
                result.errors, result.count);
    }

    private static Result run(HttpClient http, String gateway, List<String> tokens, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(clients.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                for (int i = client; System.nanoTime() < end; i += CLIENTS) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me/code"))
                            .header("Authorization", "Bearer " + tokens.get(i % tokens.size())).build();
                    long start = System.nanoTime();
                    int status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    long took = System.nanoTime() - start;
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> each : work) {
            all.add(each.get());
        }
        clients.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, merged.length, errors.get());
    }

    private record Result(long[] sortedNanos, long count, long errors) {
        double percentile(int p) {
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1)] / 1e6;
        }
    }
}
