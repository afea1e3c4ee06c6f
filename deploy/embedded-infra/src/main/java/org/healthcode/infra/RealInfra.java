package org.healthcode.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * One real Kafka broker and one real PostgreSQL server for a whole test JVM: started on first
 * use, on free ports, and stopped when the JVM exits. Reusing them across test classes keeps
 * the suite fast; tests isolate themselves by schema, topic and key, never by restarting.
 */
public final class RealInfra {

    private static RealInfra shared;

    private final Path home;
    private volatile KafkaBroker kafka;
    private final Postgres postgres;

    private RealInfra(Path home, KafkaBroker kafka, Postgres postgres) {
        this.home = home;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static synchronized RealInfra shared() {
        if (shared == null) {
            shared = startFresh();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "real-infra-stop"));
        }
        return shared;
    }

    /** A private pair, for a test that must stop them; the caller stops it. */
    public static RealInfra startFresh() {
        try {
            Path home = Files.createTempDirectory("healthcode-infra-");
            CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> startKafka(home));
            // its data in a folder of its own, so that a test can stop it and start it again
            Postgres postgres = Postgres.start(home.resolve("postgres"), FreePort.find(), false);
            return new RealInfra(home, kafka.join(), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port can be taken by another process between finding it and binding it (seen with several
     * builds on one machine): the broker then exits at once, and is started again on other ports.
     */
    private static KafkaBroker startKafka(Path home) {
        for (int attempt = 1; ; attempt++) {
            try {
                return KafkaBroker.start(home.resolve(attempt == 1 ? "kafka" : "kafka-" + attempt), FreePort.find(),
                        "256m");
            } catch (IllegalStateException exited) {
                if (attempt == 3) {
                    throw exited;
                }
            }
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    public void stopKafka() {
        kafka.close();
    }

    /** Kills the broker (SIGKILL), as a crashed node; {@link #restartKafka()} brings it back. */
    public void killKafka() {
        kafka.kill();
    }

    /** Starts the stopped broker again on the same port and log directories. */
    public synchronized void restartKafka() {
        kafka = kafka.restart();
    }

    /** Stops PostgreSQL, keeping its data; {@link #startPostgres()} starts it again on the same port. */
    public void stopPostgres() {
        postgres.stop();
    }

    public void startPostgres() {
        postgres.startAgain();
    }

    public void stop() {
        try {
            kafka.close();
        } finally {
            try {
                postgres.close();
            } catch (RuntimeException alreadyStopped) {
                // stopPostgres() may have run before; nothing left to stop.
            }
            deleteQuietly(home);
        }
    }
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
