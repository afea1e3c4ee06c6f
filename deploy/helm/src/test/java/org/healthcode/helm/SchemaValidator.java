package org.healthcode.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * src/test/node/validate.mjs run by Node on rendered manifests. Its npm packages are installed
 * with {@code npm ci} from the committed lock file into target/npm, once: again only when the lock
 * file changes. Without Node or npm the tests fail, saying how to install them; they never skip.
 */
final class SchemaValidator {

    static final Path SOURCES = Chart.MODULE.resolve("src/test/node");
    static final Path WORK = Chart.MODULE.resolve("target/npm");

    record Result(int exitCode, String output) {
    }

    private static boolean installed;

    private SchemaValidator() {
    }

    /** Runs validate.mjs on the files; its report and exit code (0: every object valid). */
    static Result validate(Path... manifests) {
        install();
        List<String> command = new ArrayList<>(List.of(tool("node"), WORK.resolve("validate.mjs").toString()));
        for (Path manifest : manifests) {
            command.add(manifest.toAbsolutePath().toString());
        }
        return run(command, WORK, 120);
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(WORK);
            for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
                Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            String lock = sha256(Files.readAllBytes(SOURCES.resolve("package-lock.json")));
            Path stamp = WORK.resolve("node_modules/.installed-from-lock");
            if (!Files.exists(stamp) || !lock.equals(Files.readString(stamp))) {
                // --engine-strict=false: the packages ask for Node 22; they run on the image's Node 20.
                Result npm = run(List.of(tool("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error",
                        "--engine-strict=false"), WORK, 300);
                if (npm.exitCode() != 0) {
                    throw new AssertionError("npm ci failed in " + WORK + ":\n" + npm.output());
                }
                Files.writeString(stamp, lock);
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool on the PATH, or a failure that says how to get it. */
    private static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " is not installed, and the chart's schemas are checked with it: "
                + "install Node.js 20 or later with npm (Debian: apt-get install -y nodejs npm) and run the build again");
    }

    private static Result run(List<String> command, Path dir, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("output of " + command.get(0) + " not read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
