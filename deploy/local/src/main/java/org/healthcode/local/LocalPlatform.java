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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        KafkaBroker kafka = KafkaBroker.start(state.resolve("kafka"), KAFKA_PORT, "512m");
        started.add(kafka);
        Map<String, String> database = database(secrets);

        Map<String, String> env = new HashMap<>(database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.putAll(secrets.env());
        Map<String, ServiceProcess> services = new HashMap<>();
        for (Service service : SERVICES) {
            services.put(service.module(), startService(service, env));
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

    private ServiceProcess startService(Service service, Map<String, String> env) {
        log(service.module() + " starting on " + service.port());
        Map<String, String> serviceEnv = new HashMap<>(env);
        if (databaseLogins.containsKey(service.module())) {
            serviceEnv.putAll(databaseLogins.get(service.module()).env());
        }
        ServiceProcess process = ServiceProcess.start(root, service.module(), service.port(), serviceEnv,
                logs.resolve(service.module() + ".log"), "256m");
        started.add(process);
        return process;
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
        text.append("Demo logins (password demo): citizen1-3, checkpoint1, authority1-2, epi1, admin1 (province 330000),\n");
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
