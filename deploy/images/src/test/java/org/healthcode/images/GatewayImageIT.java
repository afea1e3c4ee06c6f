package org.healthcode.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's image, as this build wrote it (gateway/target/jib-image.tar), loaded into podman and
 * run as the Helm chart runs it: read-only root file system, a memory limit, the service's address and
 * port from the environment. Nothing else runs: the gateway needs no database or Kafka, and its OIDC
 * provider is a closed port on loopback (it looks for it on the first request only).
 */
class GatewayImageIT {

    private static final Path TARGET = Podman.ROOT.resolve("gateway/target");
    private static final Path CHART_VALUES = Podman.ROOT.resolve("deploy/helm/healthcode/values.yaml");
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    private static final long MEMORY_LIMIT = 768L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String image;
    private static String container;
    private static int port;

    @BeforeAll
    static void startTheImage() throws IOException {
        Path tar = TARGET.resolve("jib-image.tar");
        assertTrue(Files.isRegularFile(tar), "no image at " + tar
                + ": the build of deploy/images makes it (mvn -B verify -pl deploy/images -am)");
        Podman.ensureInstalled();
        Podman.podman(600, "load", "-i", tar.toString()).orFail("podman load -i " + tar);
        image = Files.readString(TARGET.resolve("jib-image.id")).trim().replace("sha256:", "");

        port = freePort();
        int nobodyListens = freePort();
        container = "healthcode-image-test-" + UUID.randomUUID().toString().substring(0, 8);
        Podman.run(120, List.of("--detach", "--name", container, "--read-only", "--memory", String.valueOf(MEMORY_LIMIT),
                "--env", "QUARKUS_HTTP_HOST=127.0.0.1", "--env", "QUARKUS_HTTP_PORT=" + port,
                "--env", "QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:" + nobodyListens + "/realms/healthcode",
                image)).orFail("podman run " + image);
    }

    @AfterAll
    static void removeIt() throws IOException {
        if (container != null) {
            Files.writeString(Podman.MODULE.resolve("target/gateway-container.log"),
                    Podman.podman(60, "logs", container).output());
            Podman.podman(120, "rm", "--force", container);
        }
        if (image != null) {
            // Untags this build's image; kept if another container still uses it.
            Podman.podman(120, "rmi", image);
        }
    }

    @Test
    void answersItsHealthProbesWithARootFileSystemItCannotWrite() throws Exception {
        JsonNode live = awaitHealthy("/q/health/live", Duration.ofMinutes(3));
        assertEquals("UP", live.path("status").asText(), live.toString());
        // the chart's startup probe
        HttpResponse<String> started = get("/q/health/started");
        assertEquals(200, started.statusCode(), started.body());
    }

    @Test
    void runsAsTheChartsUserAndCanWriteOnlyTemporaryDirectories() {
        awaitHealthy("/q/health/live", Duration.ofMinutes(3));
        assertEquals("185", exec("id", "-u").strip());
        assertEquals("185", exec("id", "-g").strip());

        // Without --read-only: what the image's own permissions let its user write.
        String found = Podman.run(120, List.of("--rm", "--entrypoint", "find", image, "/", "-xdev",
                "(", "-path", "/proc", "-o", "-path", "/sys", "-o", "-path", "/dev", ")", "-prune",
                "-o", "-writable", "-print")).output();
        Set<String> writable = found.lines().filter(line -> line.startsWith("/")).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(writable.contains("/tmp"), found);
        // Debian's other world-writable temporary directories are the only others (read-only in a pod).
        assertTrue(Set.of("/tmp", "/var/tmp", "/run/lock", "/var/lock").containsAll(writable),
                "writable by the service's user: " + writable);
    }

    @Test
    void sizesItsHeapFromTheContainersMemoryLimitAndStopsOnOutOfMemory() {
        awaitHealthy("/q/health/live", Duration.ofMinutes(3));
        List<String> service = Arrays.asList(exec("cat", "/proc/1/cmdline").split("\0"));
        assertEquals(List.of("-jar", "/deployments/quarkus-run.jar"), service.subList(service.size() - 2, service.size()), service.toString());
        assertTrue(service.contains("-XX:+ExitOnOutOfMemoryError"), service.toString());
        assertFalse(service.stream().anyMatch(arg -> arg.startsWith("-Xmx")), service.toString());

        // A JVM started with the image's environment in the same container: 75 % of the limit.
        String flags = exec("java", "-XX:+PrintFlagsFinal", "-version");
        long maxHeap = flags.lines().filter(line -> line.contains(" MaxHeapSize ")).findFirst()
                .map(line -> Long.parseLong(line.trim().split("\\s+")[3])).orElseThrow(() -> new AssertionError(flags));
        assertEquals(0.75 * MEMORY_LIMIT, maxHeap, 0.02 * MEMORY_LIMIT, "MaxHeapSize " + maxHeap);
    }

    @Test
    void saysWhatItIsAndMatchesTheHelmChart() throws Exception {
        JsonNode config = JSON.readTree(Podman.podman(60, "image", "inspect", image).orFail("podman image inspect").output())
                .get(0).path("Config");
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(CHART_VALUES.toFile());
        JsonNode defaults = values.path("serviceDefaults");
        assertEquals(defaults.path("runAsUser").asText() + ":" + defaults.path("runAsGroup").asText(),
                config.path("User").asText(), "the image's user is the one the chart runs the pods as");
        assertTrue(config.path("ExposedPorts").has(values.path("services").path("gateway").path("port").asText() + "/tcp"),
                config.toString());
        assertEquals("gateway", config.path("Labels").path("org.opencontainers.image.title").asText());
        assertEquals(VERSION, config.path("Labels").path("org.opencontainers.image.version").asText());
    }

    private static String exec(String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "exec";
        args[1] = container;
        System.arraycopy(command, 0, args, 2, command.length);
        return Podman.podman(120, args).orFail("podman exec " + String.join(" ", command)).output();
    }

    private static JsonNode awaitHealthy(String path, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(path);
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            String running = Podman.podman(60, "inspect", "--format", "{{.State.Running}}", container).output().strip();
            if (!running.equals("true")) {
                throw new AssertionError("the gateway's container stopped:\n" + Podman.podman(60, "logs", container).output());
            }
            sleep();
        }
        throw new AssertionError(path + " did not answer 200 within " + patience + " (" + last + "):\n"
                + Podman.podman(60, "logs", container).output());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
