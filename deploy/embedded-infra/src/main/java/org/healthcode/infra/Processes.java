package org.healthcode.infra;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping child processes, and everything they started, politely and then firmly. */
public final class Processes {

    private Processes() {
    }

    public static void stop(Process process, Duration grace) {
        stop(process.toHandle(), grace);
    }

    public static void stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        var descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
