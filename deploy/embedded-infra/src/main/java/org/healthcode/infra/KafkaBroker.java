package org.healthcode.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running as a child
 * JVM on the classpath that the kafka-broker module resolved through Maven.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/org/healthcode/infra/kafka-broker.classpath";
    private static final String STARTED_LINE = "Kafka Server started";
    /** A broker restarted on a machine with a load average above 40 took 20 s to write its first log line. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String maxHeap;
    private final Process process;

    private KafkaBroker(Path home, int port, int controllerPort, String maxHeap, Process process) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.maxHeap = maxHeap;
        this.process = process;
    }

    /**
     * Starts a broker whose data and logs live under {@code home}. Storage is formatted on the
     * first start only, so a broker restarted on the same folder keeps its topics.
     */
    public static KafkaBroker start(Path home, int port, String maxHeap) {
        return start(home, port, FreePort.find(), maxHeap);
    }

    private static KafkaBroker start(Path home, int port, int controllerPort, String maxHeap) {
        try {
            Files.createDirectories(home);
            Path config = writeConfig(home, port, controllerPort);
            Path log4j = writeLogConfig(home);
            String classpath = brokerClasspath();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                run(List.of(java(), "-Xmx256m", "-cp", classpath, "-Dlog4j2.configurationFile=" + log4j,
                        "kafka.tools.StorageTool", "format",
                        // "=" form: a random id may start with "-" and must not read as an option
                        "--cluster-id=" + clusterId(), "--config=" + config),
                        home.resolve("format.log"));
            }
            // a restarted broker appends to the log of its first start: only what follows counts
            Path log = home.resolve("broker.log");
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            List<String> command = new ArrayList<>(List.of(java(), "-Xms64m", "-Xmx" + maxHeap,
                    "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", config.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("stdout.log").toFile())
                    .start();
            KafkaBroker broker = new KafkaBroker(home, port, controllerPort, maxHeap, process);
            broker.awaitStarted(logBefore, START_PATIENCE);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker could not start in " + home, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the broker as a crash would (SIGKILL: nothing flushed, no controlled shutdown) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A stopped broker started again on the same ports and log directories, as a restarted node
     * comes back: clients reconnect to the address they had, and the topics and committed offsets
     * are those the logs kept.
     */
    public KafkaBroker restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the Kafka broker in " + home + " is still running");
        }
        return start(home, port, controllerPort, maxHeap);
    }

    /** Stops the broker: a controlled shutdown first, then a kill if it does not end in time. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }

    private void awaitStarted(long logBefore, Duration timeout) throws IOException {
        Path log = home.resolve("broker.log");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + "; see " + home.resolve("stdout.log") + " and " + log);
            }
            if (Files.exists(log) && startedSince(log, logBefore)) {
                return;
            }
            Processes.pause(Duration.ofMillis(100));
        }
        close();
        throw new IllegalStateException("Kafka broker not started after " + timeout + "; see " + log);
    }

    private static boolean startedSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).contains(STARTED_LINE);
    }

    private static Path writeConfig(Path home, int port, int controllerPort) throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                // as in production: the services create the topics they use (KafkaTopics)
                "auto.create.topics.enable=false",
                // No topic keeps an event longer than 7 days, well inside the 28-day retention of
                // personal data (healthcode.retention.period), as the Helm chart's topics.
                "log.retention.hours=168",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The cleaner's default 128 MiB buffer does not fit a small heap.
                "log.cleaner.dedupe.buffer.size=4194304",
                "");
        Path file = home.resolve("server.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static Path writeLogConfig(Path home) throws IOException {
        String config = String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + home.resolve("broker.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "");
        Path file = home.resolve("log4j2.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + CLASSPATH_RESOURCE
                        + ": build the deploy/kafka-broker module first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static String clusterId() {
        // A Kafka cluster id is 16 bytes in URL-safe base64 without padding.
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static void run(List<String> command, Path output) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Kafka storage format failed with " + exit
                        + ": " + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
