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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
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
 *
 * <p>{@link #get()} runs one instance of each, for the whole test JVM. {@link #withInstances} runs
 * several of each (the gateway included) on a Kafka and PostgreSQL of their own, for a test that
 * stops them: every instance on its own port, with the same database role, Kafka and clock file,
 * and the callers of a service (the gateway, contact-trace) given all its instances.
 *
 * <p>Every process exports its spans to the platform's {@link SpanCollector} ({@link #spans()});
 * {@code platform.env.QUARKUS_OTEL_SDK_DISABLED=true} turns tracing off, as in production by default.
 */
public final class Platform implements AutoCloseable {

    public static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Shanghai");
    /** The province of the shared platform and of {@link #withInstances}: Zhejiang. */
    public static final String HOME_PROVINCE = "330000";
    private static final String ENV_PREFIX = "platform.env.";
    private static final List<String> SERVICES = List.of("declaration-service", "risk-scoring-service",
            "code-issuer-service", "scan-checkpoint-service", "contact-trace-service");

    private static final String GATEWAY = "gateway";
    /**
     * How long a service may take to be ready: four minutes were seen to pass with the machine's two
     * cores shared by several builds (load average 50 and more), each JVM starting in 250 s.
     */
    private static final Duration START_WITHIN = Duration.ofMinutes(8);
    private static Platform running;

    private final RealInfra infra;
    private final boolean ownInfra;
    /** The province this platform is (GB/T 2260, e.g. 330000): what its codes say as their issuer. */
    private final String province;
    private final Path root;
    private final Path home;
    /** Restarts so far: each restarted instance logs to a file of its own, the earlier ones kept. */
    private int restarts;
    private final Path clockFile;
    /** Every module's instances (the five services, then the gateway), each list in start order. */
    private final Map<String, List<ServiceProcess>> instances;
    /** Every module's environment, the same for each of its instances. */
    private final Map<String, Map<String, String>> environments;
    private final SpanCollector spans;
    private Duration offset = Duration.ZERO;

    private Platform(RealInfra infra, boolean ownInfra, String province, Path root, Path home, Path clockFile,
            Map<String, List<ServiceProcess>> instances, Map<String, Map<String, String>> environments,
            SpanCollector spans) {
        this.infra = infra;
        this.ownInfra = ownInfra;
        this.province = province;
        this.root = root;
        this.home = home;
        this.clockFile = clockFile;
        this.instances = instances;
        this.environments = environments;
        this.spans = spans;
    }

    /** One instance of each service and of the gateway, on the test JVM's shared Kafka and PostgreSQL. */
    public static synchronized Platform get() {
        if (running == null) {
            running = start(RealInfra.shared(), false, HOME_PROVINCE, 1, Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "platform-stop"));
        }
        return running;
    }

    /**
     * {@code count} instances of each service and of the gateway, on a Kafka and a PostgreSQL of
     * their own (so that nothing another test sent is on its topics), with {@code settings} as
     * environment variables of every one; {@link #close()} stops them all.
     */
    public static Platform withInstances(int count, Map<String, String> settings) {
        return started(HOME_PROVINCE, count, settings);
    }

    /**
     * One instance of each, on a Kafka and a PostgreSQL of their own, as the platform of another
     * {@code province} (its code-issuer signs codes of that issuer, its checkpoint is that province's
     * and trusts its own code-issuer's keys), with its own keys and secrets; {@code settings} as
     * environment variables of every process. Two of them side by side are two provinces.
     */
    public static Platform inProvince(String province, Map<String, String> settings) {
        return started(province, 1, settings);
    }

    private static Platform started(String province, int count, Map<String, String> settings) {
        RealInfra infra = RealInfra.startFresh();
        Map<String, String> env = new HashMap<>(settings);
        // Flyway's connection at start waited 5 s at most, too little with a dozen JVMs starting on two busy cores
        env.putIfAbsent("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        try {
            return start(infra, true, province, count, env);
        } catch (RuntimeException e) {
            infra.stop();
            throw e;
        }
    }

    /**
     * One instance of each on a Kafka and a PostgreSQL of their own, where people sign in at a real
     * OpenID Connect provider ({@code realmUrl}, e.g. Keycloak's {@code .../realms/healthcode}) instead
     * of carrying {@link TestTokens}, and the gateway takes its own identity from the same provider
     * with {@code gatewaySecret}; {@link #close()} stops them.
     */
    public static Platform signingInAt(String realmUrl, String gatewaySecret) {
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
        // (empty: not set, so the provider's own keys and issuer are used)
        settings.put("QUARKUS_OIDC_PUBLIC_KEY", "");
        settings.put("QUARKUS_OIDC_TOKEN_ISSUER", "");
        settings.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", realmUrl);
        settings.put("GATEWAY_CLIENT_SECRET", gatewaySecret);
        return withInstances(1, settings);
    }

    private static Platform start(RealInfra infra, boolean ownInfra, String province, int count,
            Map<String, String> settings) {
        try {
            Path root = Path.of("../..").toAbsolutePath().normalize();
            Path home = Files.createTempDirectory("healthcode-e2e-");
            Path clockFile = home.resolve("clock-offset");

            Map<String, String> env = new HashMap<>(PlatformSecrets.generate().env());
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.postgres().reactiveUrl());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl());
            env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKeyBase64());
            env.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
            env.put("HEALTHCODE_CLOCK_OFFSET_FILE", clockFile.toString());
            env.put("CODE_ISSUER_PROVINCE", province);
            env.put("SCAN_PROVINCE", province);
            SpanCollector spans = SpanCollector.start();
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", spans.endpoint());
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(ENV_PREFIX))
                    .forEach(name -> env.put(name.substring(ENV_PREFIX.length()), System.getProperty(name)));
            env.putAll(settings);

            // every instance's port first: a caller is told where all instances of its callee listen
            Map<String, List<Integer>> ports = new LinkedHashMap<>();
            for (String module : modules()) {
                List<Integer> taken = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    taken.add(FreePort.find());
                }
                ports.put(module, taken);
            }
            Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
            Map<String, Map<String, String>> environments = new HashMap<>();
            for (String module : modules()) {
                Map<String, String> moduleEnv = new HashMap<>(env);
                moduleEnv.putAll(callees(module, ports, province));
                // a test's own settings win, the gateway's identity provider included
                moduleEnv.putAll(settings);
                if (DatabaseRoles.SERVICE_SCHEMAS.containsKey(module)) {
                    // each service connects as its own role, which the platform's PostgreSQL makes
                    moduleEnv.putAll(infra.postgres().serviceLogin(DatabaseRoles.SERVICE_SCHEMAS.get(module)).env());
                }
                environments.put(module, new HashMap<>(moduleEnv));
                instances.put(module, new ArrayList<>());
            }
            Platform platform = new Platform(infra, ownInfra, province, root, home, clockFile, instances, environments, spans);
            try {
                // in waves, one instance of each at a time: twelve JVMs starting at once on two
                // cores timed out connecting to PostgreSQL; the callers skip an instance not up yet
                for (int i = 0; i < count; i++) {
                    List<ServiceProcess> wave = new ArrayList<>();
                    for (String module : modules()) {
                        String log = count == 1 ? module + ".log" : module + "-" + (i + 1) + ".log";
                        ServiceProcess started = ServiceProcess.start(root, module, ports.get(module).get(i),
                                environments.get(module), home.resolve(log), "256m");
                        instances.get(module).add(started);
                        wave.add(started);
                    }
                    CompletableFuture.allOf(wave.stream()
                            .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(START_WITHIN)))
                            .toArray(CompletableFuture[]::new)).join();
                }
                platform.instances("scan-checkpoint-service").forEach(platform::awaitTrustList);
            } catch (RuntimeException e) {
                platform.stop();
                throw new IllegalStateException("platform did not start; logs in " + home, e);
            }
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> modules() {
        List<String> modules = new ArrayList<>(SERVICES);
        modules.add(GATEWAY);
        return modules;
    }

    /** Where a module finds the services it calls: every instance of each, in Stork's static lists. */
    private static Map<String, String> callees(String module, Map<String, List<Integer>> ports, String province) {
        Map<String, String> env = new HashMap<>();
        switch (module) {
            case GATEWAY -> {
                for (String service : SERVICES) {
                    env.put(addressList(service), addresses(ports.get(service)));
                }
                // the gateway's own identity comes from the test provider's token endpoint
                env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", TestTokenEndpoint.authServerUrl());
                env.put("GATEWAY_CLIENT_SECRET", TestTokenEndpoint.secret("gateway"));
            }
            // asks scan-checkpoint what a venue is before a resident names it as their community
            case "declaration-service" -> env.put(addressList("scan-checkpoint-service"),
                    addresses(ports.get("scan-checkpoint-service")));
            // asks declaration-service where a subject is registered before it records a case
            case "contact-trace-service" -> env.put(addressList("declaration-service"),
                    addresses(ports.get("declaration-service")));
            // the checkpoint trusts this province's codes through code-issuer's JWKS: one instance's
            // is enough, since a failed refresh keeps the last good copy
            case "scan-checkpoint-service" -> env.put("SCAN_TRUST_LIST_URL_" + province,
                    "http://127.0.0.1:" + ports.get("code-issuer-service").get(0) + "/.well-known/jwks.json");
            default -> {
                // calls no other service
            }
        }
        return env;
    }

    /** The Stork static list of a service's instances, by the callers' REST client key. */
    private static String addressList(String service) {
        String client = service.replace("-service", "").replace('-', '_').toUpperCase();
        return "QUARKUS_STORK_" + client + "_SERVICE_DISCOVERY_ADDRESS_LIST";
    }

    private static String addresses(List<Integer> ports) {
        return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The checkpoint fetches this province's keys from code-issuer, which may have started after it. */
    private void awaitTrustList(ServiceProcess scan) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(scan.baseUrl() + "/trust-list")).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"" + province + "\"")) {
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
        throw new IllegalStateException("scan-checkpoint never trusted province " + province + "; logs in " + home);
    }

    /** The province this platform is, e.g. 330000. */
    public String province() {
        return province;
    }

    /**
     * Stops a running instance as an orchestrator rolls out a new configuration (SIGTERM, then
     * waits), and starts it again in its place with {@code changes} to its module's environment
     * (kept for later restarts of that module); answers it once it is ready.
     */
    public ServiceProcess restartWith(ServiceProcess running, Map<String, String> changes) {
        running.close();
        synchronized (this) {
            environments.get(running.name()).putAll(changes);
        }
        return restart(running);
    }

    /** The (first) gateway's base URL. */
    public String gatewayUrl() {
        return instances(GATEWAY).get(0).baseUrl();
    }

    /** Every gateway instance's base URL, as a load balancer in front of them would know them. */
    public List<String> gatewayUrls() {
        return instances(GATEWAY).stream().map(ServiceProcess::baseUrl).toList();
    }

    /** The base URL of (the first instance of) a module ({@code declaration-service}, {@code gateway}...). */
    public String serviceUrl(String module) {
        return instances(module).get(0).baseUrl();
    }

    /** A module's instances, in start order. */
    public List<ServiceProcess> instances(String module) {
        List<ServiceProcess> found = instances.get(module);
        if (found == null) {
            throw new IllegalArgumentException(module);
        }
        return List.copyOf(found);
    }

    /** Every process of the platform (the five services and the gateway, each instance). */
    public List<ServiceProcess> processes() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Starts a stopped instance again in its place (same port, same settings), as an orchestrator
     * replaces a crashed one; answers it once it is ready.
     */
    public ServiceProcess restart(ServiceProcess stopped) {
        return restartAll(List.of(stopped)).get(0);
    }

    /** The lines of every process's log so far that contain {@code text}, each after its file's name. */
    public List<String> logLines(String text) {
        List<String> found = new ArrayList<>();
        try (var logs = Files.list(home)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                try (var lines = Files.lines(log)) {
                    lines.filter(line -> line.contains(text)).forEach(line -> found.add(log.getFileName() + ": " + line));
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            found.add("(logs not readable: " + e + ")");
        }
        return found;
    }

    /** Starts several stopped instances again at once (each as {@link #restart}); answers them once all are ready. */
    public List<ServiceProcess> restartAll(List<ServiceProcess> stopped) {
        List<ServiceProcess> started = new ArrayList<>();
        synchronized (this) {
            for (ServiceProcess instance : stopped) {
                if (instance.process().isAlive()) {
                    throw new IllegalStateException(instance.name() + " is still running");
                }
                List<ServiceProcess> list = instances.get(instance.name());
                int index = list.indexOf(instance);
                ServiceProcess again = ServiceProcess.start(root, instance.name(), instance.port(),
                        environments.get(instance.name()),
                        home.resolve(instance.name() + "-" + (index + 1) + "-restarted-" + (++restarts) + ".log"), "256m");
                list.set(index, again);
                started.add(again);
            }
        }
        // together: one after another took minutes each on a busy machine
        CompletableFuture.allOf(started.stream().map(p -> CompletableFuture.runAsync(() -> p.awaitReady(START_WITHIN)))
                .toArray(CompletableFuture[]::new)).join();
        started.stream().filter(p -> p.name().equals("scan-checkpoint-service")).forEach(this::awaitTrustList);
        return started;
    }

    /** Kills an instance as a crash would (SIGKILL: no shutdown hook, nothing flushed), and waits until it is gone. */
    public void kill(ServiceProcess instance) {
        instance.process().destroyForcibly();
        try {
            instance.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the platform's Kafka broker (SIGKILL), as a crashed node; only a platform of its own ({@link #withInstances}). */
    public void killKafka() {
        ownInfraOnly("kill Kafka").killKafka();
    }

    /** Starts the killed broker again on the same port and log directories; the services reconnect by themselves. */
    public void restartKafka() {
        ownInfraOnly("restart Kafka").restartKafka();
    }

    private RealInfra ownInfraOnly(String what) {
        if (!ownInfra) {
            throw new IllegalStateException("only a platform with a Kafka of its own may " + what);
        }
        return infra;
    }

    /** The platform's PostgreSQL, over JDBC (superuser postgres, no password): every service's schema. */
    public String jdbcUrl() {
        return infra.postgres().jdbcUrl();
    }

    /** Stops the platform's PostgreSQL as an operator would, keeping its data; the services keep running. */
    public void stopPostgres() {
        infra.stopPostgres();
    }

    /** Starts the platform's PostgreSQL again on the same port and data folder. */
    public void startPostgres() {
        infra.startPostgres();
    }

    /** The port the platform's PostgreSQL listens on (the benchmarks find its processes by it). */
    public int postgresPort() {
        return infra.postgres().port();
    }

    public String bootstrapServers() {
        return infra.kafka().bootstrapServers();
    }

    /** The spans every process exported. */
    public SpanCollector spans() {
        return spans;
    }

    /** Every service's log file, for the privacy checks. */
    public List<Path> logs() {
        return processes().stream().map(ServiceProcess::log).toList();
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

    /** Stops a platform of {@link #withInstances}: its processes, then its Kafka and PostgreSQL. */
    @Override
    public void close() {
        if (this == running) {
            throw new IllegalStateException("the shared platform stops when the JVM exits");
        }
        stop();
    }

    /**
     * Stops every service at once (one by one they took longer than surefire and failsafe wait for a
     * forked JVM to exit, and the fork was then killed with the services still running).
     */
    private void stop() {
        CompletableFuture.allOf(processes().stream().map(p -> CompletableFuture.runAsync(p::close))
                .toArray(CompletableFuture[]::new)).join();
        spans.close();
        // RealInfra.shared() stops Kafka and PostgreSQL at exit; a platform's own stop with it
        if (ownInfra) {
            infra.stop();
        }
    }
}
