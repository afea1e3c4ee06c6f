package org.healthcode.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven distribution ({@code keycloak-quarkus-dist}, copied to
 * {@code deploy/local/target/keycloak/keycloak-dist.zip} by the build), in dev mode on loopback, with
 * the healthcode realm imported on its first start. Used by the local launcher, by the realm's
 * own test and by the end-to-end tests that sign in through its login pages.
 */
public final class Keycloak {

    public static final String VERSION_DIR = "keycloak-26.7.3";
    /** The realm file's placeholder for the gateway's client secret, which is never in the source. */
    static final String GATEWAY_SECRET_PLACEHOLDER = "${GATEWAY_CLIENT_SECRET}";

    private Keycloak() {
    }

    /** The realm as the repository keeps it, with the gateway's client secret filled in. */
    public static String realm(Path root, String gatewaySecret) throws IOException {
        return Files.readString(root.resolve("deploy/local/keycloak/healthcode-realm.json"))
                .replace(GATEWAY_SECRET_PLACEHOLDER, gatewaySecret);
    }

    /**
     * Starts Keycloak unpacked under {@code parent} (unpacking it the first time) with {@code realm}
     * to import; its output goes to {@code log}. Bootstrap admin admin/admin, loopback only.
     */
    static Process start(Path root, Path parent, int port, String realm, Path log) throws IOException {
        return startFrom(root.resolve("deploy/local/target/keycloak/keycloak-dist.zip"), parent, port, realm, log);
    }

    /** As {@link #start}, from the distribution's zip at {@code distribution}. */
    public static Process startFrom(Path distribution, Path parent, int port, String realm, Path log) throws IOException {
        Path home = parent.resolve(VERSION_DIR);
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            unzip(distribution, parent);
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("healthcode-realm.json"), realm);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}
