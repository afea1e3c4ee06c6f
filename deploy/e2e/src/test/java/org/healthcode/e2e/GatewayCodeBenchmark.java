package org.healthcode.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test: {@code GET /api/v1/me/code} through the gateway (gateway → code-issuer-service, a fresh
 * signed token each time; the caller's subject from declaration-service on the first call) on the
 * whole platform, offered open-loop at rising rates, beside the bare authenticated gateway call
 * {@code GET /api/v1/session} (token checked, no service asked) at the same rates in the same run.
 * Prints for each rate what was answered, p50 and p99 from the moment each request was due, and
 * each process's CPU per request. Run with
 * {@code mvn -o -pl deploy/e2e verify -Dtest=GatewayCodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * after {@code mvn install -DskipTests}; {@code -Dbench.rates=500,1000} and {@code -Dbench.seconds=15}
 * change the steps; {@code -Dbench.profile=true} adds, at every me/code step, where the JVMs of the path
 * spend their CPU ({@link CpuProfile}; recordings in {@code target/gateway-code-profile/}).
 */
class GatewayCodeBenchmark {

    private static final int RESIDENTS = Integer.getInteger("bench.residents", 120);
    private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final int[] RATES = Arrays.stream(System.getProperty("bench.rates", "250,500,1000,1500,2000,3000")
            .split(",")).mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
    /** {@code -Dbench.profile=true}: each me/code step also records where the path's JVMs spend their CPU. */
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    private static final List<String> CODE_PATH = List.of("gateway", "code-issuer-service", "declaration-service");

    @Test
    void codesPerSecondThroughTheGatewayBesideTheBareGateway() {
        // the benchmark's residents call far more often than a person would
        System.setProperty("platform.env.GATEWAY_RATE_LIMIT_PER_SECOND", "1000000");
        System.setProperty("platform.env.GATEWAY_RATE_LIMIT_BURST", "1000000");
        // measured as production runs by default: tracing off
        System.setProperty("platform.env.QUARKUS_OTEL_SDK_DISABLED", "true");
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

        try (OpenLoad load = new OpenLoad(1024)) {
            measure(load, platform, tokens);
        }
    }

    private static void measure(OpenLoad load, Platform platform, List<String> tokens) {
        URI code = URI.create(platform.gatewayUrl() + "/api/v1/me/code");
        URI session = URI.create(platform.gatewayUrl() + "/api/v1/session");
        load.offer(500, WARM_UP, i -> get(session, tokens, i));
        load.offer(500, WARM_UP, i -> get(code, tokens, i));

        StringBuilder report = new StringBuilder(String.format(
                "%nGET /api/v1/me/code beside GET /api/v1/session (bare: token checked, nothing asked), open loop, "
                        + "%d residents, %d s a step%n", RESIDENTS, STEP.toSeconds()));
        double bestCode = 0;
        double bestBare = 0;
        boolean codeSaturated = false;
        boolean bareSaturated = false;
        for (int rate : RATES) {
            if (!bareSaturated) {
                OpenLoad.Result bare = step(load, platform, rate, session, tokens, "session", report);
                bestBare = Math.max(bestBare, bare.okPerSecond());
                bareSaturated = bare.okPerSecond() < 0.9 * rate;
            }
            if (!codeSaturated) {
                OpenLoad.Result codes = step(load, platform, rate, code, tokens, "me/code", report);
                bestCode = Math.max(bestCode, codes.okPerSecond());
                codeSaturated = codes.okPerSecond() < 0.9 * rate;
            }
        }
        report.append(String.format("  most answered a second: me/code %,.0f, session %,.0f; ratio %.2f%n%n",
                bestCode, bestBare, bestCode / bestBare));
        System.out.print(report);
    }

    private static OpenLoad.Result step(OpenLoad load, Platform platform, int rate, URI uri, List<String> tokens,
            String name, StringBuilder report) {
        CpuUse before = CpuUse.now(platform.postgresPort());
        CpuProfile profile = PROFILE && name.equals("me/code") ? CpuProfile.start(CODE_PATH) : null;
        OpenLoad.Result result = load.offer(rate, STEP, i -> get(uri, tokens, i));
        report.append(String.format("  %-8s %s%n", name, result.line()));
        report.append(CpuUse.now(platform.postgresPort()).since(before, result.sortedNanos().length, Duration.ofNanos(result.elapsedNanos())));
        if (profile != null) {
            report.append(profile.stop(Path.of("target/gateway-code-profile", rate + "-per-second")));
        }
        return result;
    }

    private static OpenLoad.Call get(URI uri, List<String> tokens, int i) {
        return OpenLoad.Call.get(uri, tokens.get(i % tokens.size()));
    }
}
