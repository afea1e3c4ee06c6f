package org.healthcode.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's CPU goes during a benchmark step: a Java Flight Recorder recording (the JDK's
 * {@code profile} settings) of each service JVM, started and dumped with {@code jcmd}; every execution
 * sample is put to the library nearest the top of its stack, so the share of a library is the CPU
 * spent in its own code (a framework's wrappers further down the stack do not count).
 */
final class CpuProfile {

    private static final String RECORDING = "benchmark-step";

    /** Library by package prefix, first match from the top of the stack wins; order matters where prefixes nest. */
    private static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("bearer token: RSA signature", List.of("sun.security.rsa", "java.math"));
        LIBRARIES.put("bearer token: parse and claims (jose4j, Quarkus OIDC)", List.of("org.jose4j", "io.quarkus.oidc"));
        LIBRARIES.put("code signature ES256 (BouncyCastle)", List.of("org.bouncycastle"));
        LIBRARIES.put("configuration read per call", List.of("io.smallrye.config"));
        LIBRARIES.put("context propagation, CDI contexts", List.of("io.smallrye.context", "io.quarkus.arc"));
        LIBRARIES.put("JSON (Jackson)", List.of("com.fasterxml.jackson"));
        LIBRARIES.put("tracing (OpenTelemetry)", List.of("io.opentelemetry"));
        LIBRARIES.put("metrics (Micrometer)", List.of("io.micrometer"));
        LIBRARIES.put("Kafka client", List.of("org.apache.kafka"));
        LIBRARIES.put("logging", List.of("org.jboss.logmanager", "org.jboss.logging"));
        LIBRARIES.put("Hibernate Reactive", List.of("org.hibernate"));
        LIBRARIES.put("PostgreSQL client", List.of("io.vertx.pgclient", "io.vertx.sqlclient"));
        LIBRARIES.put("REST client", List.of("org.jboss.resteasy.reactive.client", "io.quarkus.rest.client"));
        LIBRARIES.put("REST server, HTTP routing", List.of("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive",
                "io.quarkus.vertx.http"));
        LIBRARIES.put("platform code", List.of("org.healthcode"));
        LIBRARIES.put("Mutiny", List.of("io.smallrye.mutiny"));
        LIBRARIES.put("Netty, Vert.x (sockets, HTTP codec)", List.of("io.netty", "io.vertx", "sun.nio"));
    }

    private final Map<String, Long> pids;

    private CpuProfile(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** Starts a recording in each running service JVM of these modules (children of this JVM). */
    static CpuProfile start(List<String> modules) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String module : modules) {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("/" + module + "/target/"))
                    .findFirst().ifPresent(p -> pids.put(module, p.pid()));
        }
        pids.values().forEach(pid -> jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile"));
        return new CpuProfile(pids);
    }

    /** Dumps and stops the recordings (into {@code dir}, one file a service) and tells where each service's CPU went. */
    String stop(Path dir) {
        StringBuilder out = new StringBuilder("    where each service's CPU went (JFR execution samples, by the library on top of the stack):\n");
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Long> service : pids.entrySet()) {
                Path file = dir.resolve(service.getKey() + ".jfr").toAbsolutePath();
                jcmd(service.getValue(), "JFR.dump", "name=" + RECORDING, "filename=" + file);
                jcmd(service.getValue(), "JFR.stop", "name=" + RECORDING);
                out.append(shares(service.getKey(), file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String shares(String service, Path recording) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            counts.merge(libraryOf(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder line = new StringBuilder(String.format("      %s, %,d samples:", service, samples));
        for (Map.Entry<String, Integer> share : sorted) {
            double percent = 100.0 * share.getValue() / samples;
            if (percent >= 1) {
                line.append(String.format(" %s %.0f%%;", share.getKey(), percent));
            }
        }
        return line.append('\n').toString();
    }

    private static String libraryOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> library : LIBRARIES.entrySet()) {
                if (library.getValue().stream().anyMatch(type::startsWith)) {
                    return library.getKey();
                }
            }
        }
        return "JDK (collections, strings)";
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
