package org.healthcode.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The secrets a platform needs that must never be in source: declaration-service's pseudonym and
 * data keys and code-issuer-service's signing key. Made fresh for tests; kept in a file for the
 * local platform, so that pseudonyms and encrypted data survive a restart.
 */
public record PlatformSecrets(String pseudonymKey, String dataKey, String signingKid, String signingKey) {

    public static PlatformSecrets generate() {
        SecureRandom random = new SecureRandom();
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            String signingKey = Base64.getEncoder().encodeToString(ec.generateKeyPair().getPrivate().getEncoded());
            return new PlatformSecrets(randomKey(random), randomKey(random), "k1", signingKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secrets kept in {@code file}, made and written there (owner-only) the first time. */
    public static PlatformSecrets loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
                return new PlatformSecrets(stored.getProperty("pseudonym-key"), stored.getProperty("data-key"),
                        stored.getProperty("signing-kid"), stored.getProperty("signing-key"));
            }
            PlatformSecrets made = generate();
            Properties stored = new Properties();
            stored.setProperty("pseudonym-key", made.pseudonymKey());
            stored.setProperty("data-key", made.dataKey());
            stored.setProperty("signing-kid", made.signingKid());
            stored.setProperty("signing-key", made.signingKey());
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                stored.store(out, "Local platform secrets; never commit");
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As environment variables: declaration-service reads the first two, code-issuer the rest. */
    public Map<String, String> env() {
        return Map.of(
                "DECLARATION_PSEUDONYM_KEY", pseudonymKey,
                "DECLARATION_DATA_KEY", dataKey,
                "CODE_ISSUER_KEYS", signingKid + ":" + signingKey,
                "CODE_ISSUER_SIGNING_KID", signingKid);
    }

    @Override
    public String toString() {
        return "PlatformSecrets[kid=" + signingKid + ", keys redacted]";
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
