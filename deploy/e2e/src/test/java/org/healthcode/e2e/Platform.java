package org.healthcode.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.healthcode.infra.DatabaseRoles;
import org.healthcode.infra.FreePort;
import org.healthcode.infra.PlatformSecrets;
import org.healthcode.infra.Processes;
import org.healthcode.infra.RealInfra;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.TestTokenEndpoint;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.OffsetFileClock;

/**
 * The whole platform for the end-to-end tests: its own Kafka and PostgreSQL, and the six services
 * from their built jars with production configuration, except that they accept {@link TestTokens}
 * and share a clock the tests can move forward. One per test JVM.
 *
 * <p>A benchmark may change a setting of every service: each system property
 * {@code platform.env.NAME=value} set before the platform starts becomes the environment variable
 * {@code NAME} of every service (e.g. {@code platform.env.GATEWAY_RATE_LIMIT_BURST=100000}).
 */
public final class Platform {

    public static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ENV_PREFIX = "platform.env.";
    private static final List<String> SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service");

    private static Platform running;

    private final RealInfra infra;
    private final Path home;
    private final Path clockFile;
    private final List<ServiceProcess> processes;
    private final ServiceProcess gateway;
    private Duration offset = Duration.ZERO;

    private Platform(RealInfra infra, Path home, Path clockFile, List<ServiceProcess> processes, ServiceProcess gateway) {
        this.infra = infra;
        this.home = home;
        this.clockFile = clockFile;
        this.processes = processes;
        this.gateway = gateway;
    }

    public static synchronized Platform get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "platform-stop"));
        }
        return running;
    }

    private static Platform start() {
        try {
            Path root = Path.of("../..").toAbsolutePath().normalize();
            Path home = Files.createTempDirectory("healthcode-e2e-");
            Path clockFile = home.resolve("clock-offset");
            RealInfra infra = RealInfra.shared();

            Map<String, String> env = new HashMap<>(PlatformSecrets.generate().env());
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.postgres().reactiveUrl());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl());
            env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKeyBase64());
            env.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
            env.put("HEALTHCODE_CLOCK_OFFSET_FILE", clockFile.toString());
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(ENV_PREFIX))
                    .forEach(name -> env.put(name.substring(ENV_PREFIX.length()), System.getProperty(name)));

            List<ServiceProcess> processes = new ArrayList<>();
            Map<String, String> gatewayEnv = new HashMap<>(env);
            for (String module : SERVICES) {
                if (module.equals("contact-trace-service")) {
                    // asks declaration-service where a subject is registered before it records a case
                    env.put("QUARKUS_REST_CLIENT_DECLARATION_URL", gatewayEnv.get("QUARKUS_REST_CLIENT_DECLARATION_URL"));
                }
                if (module.equals("scan-checkpoint-service")) {
                    // the checkpoint trusts this province's codes through code-issuer's JWKS
                    env.put("SCAN_TRUST_LIST_URL_330000", gatewayEnv.get("QUARKUS_REST_CLIENT_CODE_ISSUER_URL")
                            + "/.well-known/jwks.json");
                }
                // each service connects as its own role, which the platform's PostgreSQL makes
                Map<String, String> serviceEnv = new HashMap<>(env);
                serviceEnv.putAll(infra.postgres().serviceLogin(DatabaseRoles.SERVICE_SCHEMAS.get(module)).env());
                ServiceProcess service = ServiceProcess.start(root, module, FreePort.find(), serviceEnv,
                        home.resolve(module + ".log"), "256m");
                processes.add(service);
                String client = module.replace("-service", "").replace('-', '_').toUpperCase();
                gatewayEnv.put("QUARKUS_REST_CLIENT_" + client + "_URL", service.baseUrl());
            }
            // the gateway's own identity comes from the test provider's token endpoint
            gatewayEnv.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", TestTokenEndpoint.authServerUrl());
            gatewayEnv.put("GATEWAY_CLIENT_SECRET", TestTokenEndpoint.secret("gateway"));
            ServiceProcess gateway = ServiceProcess.start(root, "gateway", FreePort.find(), gatewayEnv,
                    home.resolve("gateway.log"), "256m");
            processes.add(gateway);
            Platform platform = new Platform(infra, home, clockFile, processes, gateway);
            try {
                CompletableFuture.allOf(processes.stream()
                        .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofMinutes(4))))
                        .toArray(CompletableFuture[]::new)).join();
            } catch (RuntimeException e) {
                platform.stop();
                throw new IllegalStateException("platform did not start; logs in " + home, e);
            }
            platform.awaitTrustList(processes.get(SERVICES.indexOf("scan-checkpoint-service")));
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkpoint fetches this province's keys from code-issuer, which may have started after it. */
    private void awaitTrustList(ServiceProcess scan) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(scan.baseUrl() + "/trust-list")).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"330000\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // retried below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Processes.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("scan-checkpoint never trusted province 330000; logs in " + home);
    }

    public String gatewayUrl() {
        return gateway.baseUrl();
    }

    /** The base URL of one of the platform's processes, by module name ({@code declaration-service}, {@code gateway}...). */
    public String serviceUrl(String module) {
        return processes.stream().filter(p -> p.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(module)).baseUrl();
    }

    /** Every process of the platform (the five services and the gateway). */
    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    /** The platform's PostgreSQL, over JDBC (superuser postgres, no password): every service's schema. */
    public String jdbcUrl() {
        return infra.postgres().jdbcUrl();
    }

    /** The port the platform's PostgreSQL listens on (the benchmarks find its processes by it). */
    public int postgresPort() {
        return infra.postgres().port();
    }

    public String bootstrapServers() {
        return infra.kafka().bootstrapServers();
    }

    /** Every service's log file, for the privacy checks. */
    public List<Path> logs() {
        return processes.stream().map(ServiceProcess::log).toList();
    }

    /** Moves the platform's time forward; every service follows within 50 ms. */
    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
        try {
            OffsetFileClock.shift(clockFile, offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.pause(Duration.ofMillis(150));
    }

    /** The platform's time (the tests' clock shifted like the services'). */
    public synchronized Clock clock() {
        return Clock.offset(Clock.systemUTC(), offset);
    }

    public LocalDate today() {
        return LocalDate.now(clock().withZone(PROVINCE_ZONE));
    }

    /** The start of a day in the province, as an instant. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(PROVINCE_ZONE).toInstant();
    }

    /**
     * Stops every service at once (one by one they took longer than surefire and failsafe wait for a
     * forked JVM to exit, and the fork was then killed with the services still running).
     */
    private void stop() {
        CompletableFuture.allOf(processes.stream().map(p -> CompletableFuture.runAsync(p::close))
                .toArray(CompletableFuture[]::new)).join();
        // RealInfra.shared() stops Kafka and PostgreSQL at exit
    }
}
