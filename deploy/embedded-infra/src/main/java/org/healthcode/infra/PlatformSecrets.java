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
import java.util.TreeMap;

/**
 * The secrets a platform needs that must never be in source: declaration-service's pseudonym and
 * data keys, code-issuer-service's signing key, scan-checkpoint-service's poster key, and each
 * federation key (signs its requests to other provinces), and each data-owning service's database password (by schema, see {@link DatabaseRoles}). Made fresh for
 * tests; kept in a file for the local platform, so that pseudonyms, encrypted data, printed posters
 * and database roles survive a restart.
 */
public record PlatformSecrets(String pseudonymKey, String dataKey, String signingKid, String signingKey,
        String posterKey, String gatewayClientSecret, Map<String, String> databasePasswords, String federationKey) {

    private static final String DATABASE_PASSWORD = "database-password.";

    /** The kid of scan-checkpoint's federation key (the national trust list lists it under this id). */
    public static final String FEDERATION_KID = "fed-1";

    public PlatformSecrets {
        databasePasswords = Map.copyOf(databasePasswords);
    }

    public static PlatformSecrets generate() {
        SecureRandom random = new SecureRandom();
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            String signingKey = Base64.getEncoder().encodeToString(ec.generateKeyPair().getPrivate().getEncoded());
            return new PlatformSecrets(randomKey(random), randomKey(random), "k1", signingKey, randomKey(random),
                    randomSecret(random), withAllDatabasePasswords(Map.of()), ecKey(random));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new P-256 private key, base64 of its PKCS#8 encoding. */
    private static String ecKey(SecureRandom random) {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            return Base64.getEncoder().encodeToString(ec.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The secrets kept in {@code file}, made and written there (owner-only) the first time. A file
     * written before a secret existed (no poster key, no gateway client secret, no database passwords)
     * gets that secret
     * added, and keeps the rest.
     */
    public static PlatformSecrets loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
                SecureRandom random = new SecureRandom();
                Map<String, String> passwords = new TreeMap<>();
                stored.stringPropertyNames().stream().filter(name -> name.startsWith(DATABASE_PASSWORD))
                        .forEach(name -> passwords.put(name.substring(DATABASE_PASSWORD.length()),
                                stored.getProperty(name)));
                String posterKey = stored.getProperty("poster-key");
                String gatewaySecret = stored.getProperty("gateway-client-secret");
                String federationKey = stored.getProperty("federation-key");
                PlatformSecrets loaded = new PlatformSecrets(stored.getProperty("pseudonym-key"),
                        stored.getProperty("data-key"), stored.getProperty("signing-kid"),
                        stored.getProperty("signing-key"), posterKey != null ? posterKey : randomKey(random),
                        gatewaySecret != null ? gatewaySecret : randomSecret(random),
                        withAllDatabasePasswords(passwords),
                        federationKey != null ? federationKey : ecKey(random));
                if (posterKey == null || gatewaySecret == null || federationKey == null
                        || !passwords.keySet().containsAll(DatabaseRoles.SERVICE_SCHEMAS.values())) {
                    write(file, loaded);
                }
                return loaded;
            }
            PlatformSecrets made = generate();
            write(file, made);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, PlatformSecrets secrets) throws IOException {
        Properties stored = new Properties();
        stored.setProperty("pseudonym-key", secrets.pseudonymKey());
        stored.setProperty("data-key", secrets.dataKey());
        stored.setProperty("signing-kid", secrets.signingKid());
        stored.setProperty("signing-key", secrets.signingKey());
        stored.setProperty("poster-key", secrets.posterKey());
        stored.setProperty("gateway-client-secret", secrets.gatewayClientSecret());
        stored.setProperty("federation-key", secrets.federationKey());
        secrets.databasePasswords().forEach((schema, password) -> stored.setProperty(DATABASE_PASSWORD + schema, password));
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            stored.store(out, "Local platform secrets; never commit");
        }
    }

    /**
     * As environment variables: declaration-service reads the first two, code-issuer the signing
     * key, scan-checkpoint the poster key and its federation key, the gateway its OIDC client secret
     * (the provider must know the same secret for the client {@code gateway}).
     */
    public Map<String, String> env() {
        return Map.of(
                "DECLARATION_PSEUDONYM_KEY", pseudonymKey,
                "DECLARATION_DATA_KEY", dataKey,
                "CODE_ISSUER_KEYS", signingKid + ":" + signingKey,
                "CODE_ISSUER_SIGNING_KID", signingKid,
                "SCAN_POSTER_KEY", posterKey,
                "SCAN_FEDERATION_KEY", FEDERATION_KID + ":" + federationKey,
                "GATEWAY_CLIENT_SECRET", gatewayClientSecret);
    }

    /** The login of the service owning {@code schema} (see {@link DatabaseRoles}). */
    public DatabaseLogin databaseLogin(String schema) {
        String password = databasePasswords.get(schema);
        if (password == null) {
            throw new IllegalArgumentException("no database password for schema " + schema);
        }
        return new DatabaseLogin(schema, password);
    }

    private static Map<String, String> withAllDatabasePasswords(Map<String, String> known) {
        Map<String, String> passwords = new TreeMap<>(known);
        DatabaseRoles.SERVICE_SCHEMAS.values().forEach(schema ->
                passwords.computeIfAbsent(schema, missing -> DatabaseLogin.randomPassword()));
        return passwords;
    }

    @Override
    public String toString() {
        return "PlatformSecrets[kid=" + signingKid + ", keys redacted]";
    }

    /** A client secret as Keycloak makes them: URL-safe, 256 bits. */
    private static String randomSecret(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
