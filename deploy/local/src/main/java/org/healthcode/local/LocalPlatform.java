package org.healthcode.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.healthcode.infra.DatabaseLogin;
import org.healthcode.infra.DatabaseRoles;
import org.healthcode.infra.KafkaBroker;
import org.healthcode.infra.Postgres;
import org.healthcode.infra.PlatformSecrets;
import org.healthcode.infra.Processes;
import org.healthcode.infra.ServiceProcess;

/**
 * Runs the whole platform on this machine until it is told to stop (SIGTERM from
 * {@code deploy/local/down}): Kafka, PostgreSQL (or the one at {@code HC_PG_URL}), Keycloak and the
 * six services, each a child process with its log under {@code .local/logs}.
 */
public final class LocalPlatform {

    record Service(String module, int port) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("declaration-service", 8081),
            new Service("risk-scoring-service", 8082),
            new Service("code-issuer-service", 8083),
            new Service("scan-checkpoint-service", 8084),
            new Service("contact-trace-service", 8085),
            new Service("gateway", 8080));

    static final int KAFKA_PORT = 9092;
    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;

    /**
     * {@code HC_SECOND_PROVINCE=1 deploy/local/up} runs Shanghai (310000) beside Zhejiang: six more
     * processes on ports 8090 (gateway) to 8095, a Kafka and a PostgreSQL of their own, keys and
     * pseudonyms of their own ({@code .local/shanghai}), and a national hub on {@link #HUB_PORT} whose
     * signed trust list names both, so that a Shanghai resident's code can be scanned in Zhejiang by hand.
     */
    static final String SECOND_PROVINCE = "310000";
    static final int SECOND_PORT_OFFSET = 10;
    static final int SECOND_KAFKA_PORT = 9192;
    static final int SECOND_POSTGRES_PORT = 15433;
    static final int HUB_PORT = 8099;

    private final Path root;
    private final Path state;
    private final Path logs;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, DatabaseLogin> databaseLogins = new HashMap<>();
    /** Each service's running process and environment, by module: a restart replaces the process. */
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironments = new ConcurrentHashMap<>();
    private volatile KafkaBroker kafka;

    LocalPlatform(Path root) {
        this.root = root;
        this.state = root.resolve(".local");
        this.logs = state.resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        LocalPlatform platform = new LocalPlatform(Path.of(args[0]).toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
        try {
            platform.start();
        } catch (Exception e) {
            System.err.println("Platform failed to start: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    void start() throws Exception {
        Instant begin = Instant.now();
        Files.createDirectories(logs);
        Files.deleteIfExists(state.resolve("ready"));

        PlatformSecrets secrets = PlatformSecrets.loadOrCreate(state.resolve("secrets.properties"));
        Process keycloak = startKeycloak(secrets);
        log("Kafka starting on " + KAFKA_PORT);
        kafka = KafkaBroker.start(state.resolve("kafka"), KAFKA_PORT, "512m");
        started.add(() -> kafka.close());
        Map<String, String> database = database(secrets);

        Map<String, String> env = new HashMap<>(database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.putAll(secrets.env());
        List<Service> second = secondProvince() ? secondProvince(secrets, env) : List.of();
        for (Service service : SERVICES) {
            startService(service, env);
        }
        awaitHttp("Keycloak", "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/healthcode", keycloak,
                Duration.ofMinutes(8));
        checkGatewayClient(secrets);
        for (Service service : SERVICES) {
            awaitHttp(service.module(), "http://127.0.0.1:" + service.port() + "/q/health/ready",
                    services.get(service.module()).process(), Duration.ofMinutes(5));
        }
        for (Service service : second) {
            awaitHttp(SECOND_PROVINCE + " " + service.module(), "http://127.0.0.1:" + service.port() + "/q/health/ready",
                    services.get(SECOND_PROVINCE + "/" + service.module()).process(), Duration.ofMinutes(5));
        }
        log("demo city: loading");
        String demo = new DemoCity("http://127.0.0.1:8080", "http://127.0.0.1:" + KEYCLOAK_PORT, state).load();
        log("demo city: " + demo);
        String summary = summary(Duration.between(begin, Instant.now())) + (second.isEmpty() ? "" : secondSummary())
                + "Demo city: " + demo + "\n";
        Files.writeString(state.resolve("ready"), summary, StandardCharsets.UTF_8);
        log("ready");
        Thread restarts = new Thread(this::serveRestarts, "restarts");
        restarts.setDaemon(true);
        restarts.start();
    }

    /**
     * {@code deploy/local/restart NAME [SECONDS]} asks by writing {@code .local/control/restart-NAME}
     * (holding SECONDS); the launcher kills that process with SIGKILL, as a crash would, waits SECONDS,
     * starts it again in its place and answers in {@code restart-NAME.done}.
     */
    private void serveRestarts() {
        Path control = state.resolve("control");
        while (true) {
            try {
                Files.createDirectories(control);
                try (var requests = Files.list(control)) {
                    // restart-NAME only: not the answers (.done) nor a request still being written (.tmp)
                    for (Path request : requests.filter(p -> p.getFileName().toString().startsWith("restart-")
                            && !p.getFileName().toString().contains(".")).toList()) {
                        String name = request.getFileName().toString().substring("restart-".length());
                        String answer;
                        try {
                            String held = Files.readString(request).trim();
                            answer = restart(name, Duration.ofSeconds(held.isEmpty() ? 0 : Long.parseLong(held)));
                        } catch (RuntimeException e) {
                            answer = "FAILED: " + e.getMessage();
                        }
                        Files.writeString(control.resolve("restart-" + name + ".done"), answer + "\n", StandardCharsets.UTF_8);
                        Files.deleteIfExists(request);
                    }
                }
            } catch (IOException e) {
                log("restart requests not read: " + e);
            }
            Processes.pause(Duration.ofMillis(300));
        }
    }

    /** Kills one process (a service, or {@code kafka}) with SIGKILL, keeps it down, starts it again; answers what happened. */
    String restart(String name, Duration down) {
        Instant begin = Instant.now();
        if (name.equals("kafka")) {
            log("kafka: killed (SIGKILL) for " + down.toSeconds() + " s");
            kafka.kill();
            Processes.pause(down);
            kafka = kafka.restart();
            log("kafka: started again");
        } else {
            Service service = SERVICES.stream().filter(s -> s.module().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service " + name));
            ServiceProcess victim = services.get(name);
            victim.process().destroyForcibly();
            victim.process().onExit().join();
            log(name + ": killed (SIGKILL) for " + down.toSeconds() + " s");
            Processes.pause(down);
            try {
                // the crashed run's log is kept beside the new one
                Files.move(victim.log(), logs.resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                log(name + ": log of the crashed run not kept: " + e);
            }
            ServiceProcess again = ServiceProcess.start(root, name, service.port(), serviceEnvironments.get(name),
                    logs.resolve(name + ".log"), "256m");
            services.put(name, again);
            awaitHttp(name, "http://127.0.0.1:" + service.port() + "/q/health/ready", again.process(), Duration.ofMinutes(5));
        }
        return name + " killed, down " + down.toSeconds() + " s, ready again after "
                + Duration.between(begin, Instant.now()).toSeconds() + " s";
    }

    /**
     * Each data-owning service connects as its own role with its password from the secrets file
     * (see {@link DatabaseRoles}). The embedded server makes the roles; so does a server of one's own
     * at {@code HC_PG_URL} when {@code HC_PG_USER} is a superuser there, else its operator has made them.
     */
    private Map<String, String> database(PlatformSecrets secrets) {
        DatabaseRoles.SERVICE_SCHEMAS.forEach((module, schema) -> databaseLogins.put(module, secrets.databaseLogin(schema)));
        Map<String, String> env = new HashMap<>();
        String external = System.getenv("HC_PG_URL");
        if (external != null && !external.isBlank()) {
            // postgresql://host:port/database; a superuser to make the roles with from HC_PG_USER / HC_PG_PASSWORD
            log("PostgreSQL: using " + external.replaceAll("//[^@]*@", "//"));
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", external);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + external);
            externalRoles("jdbc:" + external, System.getenv("HC_PG_USER"), System.getenv().getOrDefault("HC_PG_PASSWORD", ""));
            return env;
        }
        log("PostgreSQL starting on " + POSTGRES_PORT);
        Postgres postgres = Postgres.start(state.resolve("postgres"), POSTGRES_PORT);
        started.add(postgres);
        databaseLogins.values().forEach(postgres::ensureRole);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        return env;
    }

    private void externalRoles(String jdbcUrl, String user, String password) {
        String roles = String.join(", ", DatabaseRoles.SERVICE_SCHEMAS.values());
        String operator = "the roles " + roles + " must exist, each owning its schema, with the passwords "
                + "database-password.<role> of " + state.resolve("secrets.properties") + " (an operator makes them)";
        if (user == null || user.isBlank()) {
            log("PostgreSQL: no HC_PG_USER: " + operator);
            return;
        }
        try {
            log(DatabaseRoles.ensureAs(jdbcUrl, user, password, databaseLogins.values())
                    ? "PostgreSQL: roles " + roles + " made as " + user
                    : "PostgreSQL: " + user + " is not a superuser: " + operator);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at HC_PG_URL: " + e.getMessage(), e);
        }
    }

    private Process startKeycloak(PlatformSecrets secrets) throws IOException {
        if (!Files.exists(state.resolve(Keycloak.VERSION_DIR).resolve("bin/kc.sh"))) {
            log("Keycloak: unpacking the distribution");
        }
        // the gateway's client secret lives in .local/secrets.properties only, never in the realm file
        String realm = DemoCity.realmWithResidents(Keycloak.realm(root, secrets.gatewayClientSecret()));
        log("Keycloak starting on " + KEYCLOAK_PORT);
        return track(Keycloak.start(root, state, KEYCLOAK_PORT, realm, logs.resolve("keycloak.log")));
    }

    /**
     * Keycloak imports the realm only into an empty database: a realm kept in .local from before the
     * gateway had its own client (or with another secret) would fail every code request later.
     */
    private void checkGatewayClient(PlatformSecrets secrets) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=gateway&client_secret="
                + URLEncoder.encode(secrets.gatewayClientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/healthcode/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak in " + state.resolve(Keycloak.VERSION_DIR) + " holds a realm without the "
                    + "gateway's client (made before it existed): run deploy/local/down, delete "
                    + state.resolve(Keycloak.VERSION_DIR).resolve("data/h2") + " (the realm is imported again) and run up again");
        }
    }

    private static boolean secondProvince() {
        String asked = System.getenv("HC_SECOND_PROVINCE");
        return asked != null && !asked.isBlank() && !asked.equals("0");
    }

    /**
     * Starts Shanghai's Kafka, PostgreSQL and services (their readiness is awaited with Zhejiang's)
     * and the national hub, and points Zhejiang's checkpoint ({@code zhejiang}, its environment, not
     * started yet) at the hub too; answers Shanghai's services.
     */
    private List<Service> secondProvince(PlatformSecrets zhejiangSecrets, Map<String, String> zhejiang) {
        Path home = state.resolve("shanghai");
        PlatformSecrets secrets = PlatformSecrets.loadOrCreate(home.resolve("secrets.properties"));
        NationalHub hub = NationalHub.start(HUB_PORT, List.of(
                new NationalHub.Member("330000", "浙江省", "http://127.0.0.1:8080", zhejiangSecrets),
                new NationalHub.Member(SECOND_PROVINCE, "上海市", "http://127.0.0.1:" + (8080 + SECOND_PORT_OFFSET), secrets)));
        started.add(hub);
        log("national hub: trust list of 330000 and " + SECOND_PROVINCE + " at " + hub.url());
        Map<String, String> national = Map.of("SCAN_NATIONAL_TRUST_LIST_URL", hub.url(),
                "SCAN_NATIONAL_TRUST_LIST_ANCHOR_KEY", hub.anchorJwk());
        zhejiang.putAll(national);

        log(SECOND_PROVINCE + ": Kafka starting on " + SECOND_KAFKA_PORT);
        KafkaBroker secondKafka = KafkaBroker.start(home.resolve("kafka"), SECOND_KAFKA_PORT, "256m");
        started.add(secondKafka);
        log(SECOND_PROVINCE + ": PostgreSQL starting on " + SECOND_POSTGRES_PORT);
        Postgres postgres = Postgres.start(home.resolve("postgres"), SECOND_POSTGRES_PORT);
        started.add(postgres);

        Map<String, String> env = new HashMap<>(secrets.env());
        env.putAll(national);
        env.put("KAFKA_BOOTSTRAP_SERVERS", secondKafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("CODE_ISSUER_PROVINCE", SECOND_PROVINCE);
        env.put("SCAN_PROVINCE", SECOND_PROVINCE);
        // its own code-issuer's keys directly, Zhejiang's through the national list only
        env.put("SCAN_TRUST_LIST_URL_330000", "none");
        env.put("SCAN_TRUST_LIST_URL_" + SECOND_PROVINCE,
                "http://127.0.0.1:" + (8083 + SECOND_PORT_OFFSET) + "/.well-known/jwks.json");
        // one Keycloak and one gateway client for both: the same secret
        env.put("GATEWAY_CLIENT_SECRET", zhejiangSecrets.gatewayClientSecret());
        for (String client : List.of("declaration", "risk-scoring", "code-issuer", "scan-checkpoint", "contact-trace")) {
            Service callee = SERVICES.stream().filter(s -> s.module().equals(client + "-service")).findFirst().orElseThrow();
            env.put("QUARKUS_STORK_" + client.replace('-', '_').toUpperCase() + "_SERVICE_DISCOVERY_ADDRESS_LIST",
                    "127.0.0.1:" + (callee.port() + SECOND_PORT_OFFSET));
        }
        List<Service> shanghai = new ArrayList<>();
        for (Service service : SERVICES) {
            Service moved = new Service(service.module(), service.port() + SECOND_PORT_OFFSET);
            Map<String, String> serviceEnv = new HashMap<>(env);
            String schema = DatabaseRoles.SERVICE_SCHEMAS.get(service.module());
            if (schema != null) {
                serviceEnv.putAll(postgres.ensureRole(secrets.databaseLogin(schema)).env());
            }
            String name = SECOND_PROVINCE + "/" + service.module();
            log(name + " starting on " + moved.port());
            services.put(name, ServiceProcess.start(root, service.module(), moved.port(), serviceEnv,
                    logs.resolve("shanghai-" + service.module() + ".log"), "256m"));
            started.add(() -> services.get(name).close());
            shanghai.add(moved);
        }
        return shanghai;
    }

    private String secondSummary() {
        StringBuilder text = new StringBuilder();
        text.append("Second province ").append(SECOND_PROVINCE).append(" (上海市), its own Kafka, PostgreSQL and keys:\n");
        line(text, "gateway", "http://127.0.0.1:" + (8080 + SECOND_PORT_OFFSET) + "/api/v1   (pages: /app/)");
        for (Service service : SERVICES.subList(0, SERVICES.size() - 1)) {
            line(text, service.module(), "http://127.0.0.1:" + (service.port() + SECOND_PORT_OFFSET));
        }
        line(text, "Kafka / PostgreSQL", "127.0.0.1:" + SECOND_KAFKA_PORT + " / 127.0.0.1:" + SECOND_POSTGRES_PORT);
        line(text, "national trust list", "http://127.0.0.1:" + HUB_PORT + "/trust-list.jws (both provinces)");
        text.append('\n');
        return text.toString();
    }

    private void startService(Service service, Map<String, String> env) {
        log(service.module() + " starting on " + service.port());
        Map<String, String> serviceEnv = new HashMap<>(env);
        if (databaseLogins.containsKey(service.module())) {
            serviceEnv.putAll(databaseLogins.get(service.module()).env());
        }
        serviceEnvironments.put(service.module(), Map.copyOf(serviceEnv));
        services.put(service.module(), ServiceProcess.start(root, service.module(), service.port(), serviceEnv,
                logs.resolve(service.module() + ".log"), "256m"));
        started.add(() -> services.get(service.module()).close());
    }

    private Process track(Process process) {
        started.add(() -> Processes.stop(process, Duration.ofSeconds(20)));
        return process;
    }

    private void awaitHttp(String name, String url, Process process, Duration timeout) {
        try {
            ServiceProcess.awaitOk(name, url, process, timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; see " + logs, e);
        }
        log(name + " ready");
    }

    /** Stops everything it started, newest first. */
    void stop() {
        List<AutoCloseable> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        for (AutoCloseable closeable : toStop) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        started.clear();
    }

    private String summary(Duration took) {
        StringBuilder text = new StringBuilder();
        text.append("Health Code platform ready in ").append(took.toSeconds()).append(" s\n\n");
        line(text, "pages (H5)", "http://127.0.0.1:8080/app/   (sign in as any demo login)");
        line(text, "gateway", "http://127.0.0.1:8080/api/v1   (OpenAPI: /q/swagger-ui)");
        for (Service service : SERVICES.subList(0, SERVICES.size() - 1)) {
            line(text, service.module(), "http://127.0.0.1:" + service.port());
        }
        line(text, "Keycloak", "http://127.0.0.1:" + KEYCLOAK_PORT + "  realm healthcode, admin console admin/admin");
        line(text, "Kafka", "127.0.0.1:" + KAFKA_PORT);
        line(text, "PostgreSQL", System.getenv("HC_PG_URL") != null ? System.getenv("HC_PG_URL")
                : "127.0.0.1:" + POSTGRES_PORT + " superuser postgres; each service its own role");
        text.append('\n');
        text.append("Demo logins (password demo): citizen1-3, checkpoint1, authority1-2, epi1, admin1, org1 (province 330000),\n");
        text.append("  checkpoint-sh (province 310000). A token:\n");
        text.append("  curl -s -d grant_type=password -d client_id=mini-program -d username=citizen1 -d password=demo \\\n");
        text.append("    http://127.0.0.1:8180/realms/healthcode/protocol/openid-connect/token\n\n");
        text.append("Logs: " + logs + "   Stop: deploy/local/down\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String where) {
        text.append(String.format("  %-25s%s%n", name, where));
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
