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
        log("demo city: loading");
        String demo = new DemoCity("http://127.0.0.1:8080", "http://127.0.0.1:" + KEYCLOAK_PORT, state).load();
        log("demo city: " + demo);
        String summary = summary(Duration.between(begin, Instant.now())) + "Demo city: " + demo + "\n";
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
