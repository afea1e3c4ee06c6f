package org.healthcode.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's podman, run the way it works on the build machines: runc as runtime, cgroupfs, the host's
 * network and explicit ulimits. Installed by {@code ensure-packages.sh} (apt-get, as root) when
 * missing; a machine where that fails fails the tests, saying why: they never skip.
 */
final class Podman {

    /** This module (the tests run in it) and the repository's root. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.resolve("../..").normalize();

    /** What every {@code podman run} here needs besides its own options. */
    static final List<String> RUN_OPTIONS = List.of("--network", "host",
            "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096");

    record Result(int exitCode, String output) {
        Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + output);
            }
            return this;
        }
    }

    private static boolean installed;

    private Podman() {
    }

    static synchronized void ensureInstalled() {
        if (!installed) {
            exec(List.of("bash", MODULE.resolve("ensure-packages.sh").toString(), "podman", "runc"), 900)
                    .orFail("installing podman and runc (Debian packages; needs root and apt-get)");
            installed = true;
        }
    }

    /** {@code podman ARGS...}, its exit code and its output (stdout and stderr together). */
    static Result podman(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs"));
        command.addAll(List.of(args));
        return exec(command, timeoutSeconds);
    }

    /** {@code podman run} with {@link #RUN_OPTIONS}, then {@code options}. */
    static Result run(int timeoutSeconds, List<String> options) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(RUN_OPTIONS);
        args.addAll(options);
        return podman(timeoutSeconds, args.toArray(String[]::new));
    }

    private static Result exec(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("podman", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds
                            + " s:\n" + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
