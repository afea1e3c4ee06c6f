package org.healthcode.trusthub;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TrustAnchor;
import org.healthcode.kit.code.token.VerificationKey;

/**
 * The national hub operator's tool. {@code keygen} makes the trust anchor's P-256 key pair (the
 * private key as PKCS#8 PEM, owner-only; the public key as the JWK every checkpoint pins);
 * {@code sign} assembles the list from a {@link ListDescription} and the provinces' JWKS and signs
 * it with the anchor's key; {@code show} verifies a list against the anchor and prints what it
 * holds. Exit status 0 when done, 1 when refused (the reason on stderr), 2 for a wrong command line.
 */
public final class TrustHub {

    private static final String USAGE = """
            usage:
              trust-hub keygen --kid KID --private anchor.pem --public anchor.jwk.json
              trust-hub sign --description provinces.json --anchor-key anchor.pem --anchor-kid KID --out trust-list.jws
                             [--previous trust-list.jws --anchor anchor.jwk.json]
              trust-hub show --list trust-list.jws --anchor anchor.jwk.json""";

    // One line: the public JWK goes into an environment variable as it is.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final PrintStream out;

    TrustHub(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        try {
            new TrustHub(Clock.systemUTC(), System.out).run(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            System.exit(2);
        } catch (TrustAnchor.Refused e) {
            err.println("refused: " + e.reason() + ": " + e.getMessage());
            System.exit(1);
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            err.println("refused: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** A command line that is not one of the usage's. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    void run(String... args) throws UsageException, IOException, GeneralSecurityException, InterruptedException,
            TrustAnchor.Refused {
        if (args.length == 0) {
            throw new UsageException("no command");
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "keygen" -> keygen(required(options, "kid"), Path.of(required(options, "private")),
                    Path.of(required(options, "public")));
            case "sign" -> sign(options);
            case "show" -> show(Path.of(required(options, "list")), Path.of(required(options, "anchor")));
            default -> throw new UsageException("unknown command " + args[0]);
        }
    }

    private void keygen(String kid, Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        byte[] pkcs8 = SigningKey.generatePkcs8();
        SigningKey key = SigningKey.anchorFromPkcs8(kid, pkcs8);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
        if (Files.exists(privateFile)) {
            throw new FileAlreadyExistsException(privateFile + " exists: an anchor key is never overwritten");
        }
        Files.createFile(privateFile);
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the file
        }
        Files.writeString(privateFile, pem, StandardCharsets.US_ASCII);
        Files.writeString(publicFile, JSON.writeValueAsString(key.verificationKey().toJwk()) + "\n", StandardCharsets.UTF_8);
        out.println("anchor key " + kid + ": private key in " + privateFile + " (keep it offline), public JWK in "
                + publicFile + " (scan.national-trust-list.anchor-key of every checkpoint)");
    }

    private void sign(Map<String, String> options) throws UsageException, IOException, GeneralSecurityException,
            InterruptedException, TrustAnchor.Refused {
        SigningKey anchor = SigningKey.anchorFromPkcs8(required(options, "anchor-kid"),
                readPrivateKey(Path.of(required(options, "anchor-key"))));
        NationalTrustList list = ListDescription.assemble(Path.of(required(options, "description")),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (options.containsKey("previous")) {
            TrustAnchor pinned = new TrustAnchor(VerificationKey.fromJwk(Files.readString(
                    Path.of(required(options, "anchor")), StandardCharsets.UTF_8)));
            NationalTrustList previous = pinned.verify(Files.readString(Path.of(options.get("previous")),
                    StandardCharsets.US_ASCII));
            if (list.version() <= previous.version()) {
                throw new IllegalArgumentException("version " + list.version() + " is not above the previous list's "
                        + previous.version() + ": checkpoints would refuse it or keep the previous one");
            }
        }
        String jws = list.sign(anchor);
        // Read back as a checkpoint will: what is published is what verifies.
        new TrustAnchor(anchor.verificationKey()).verify(jws);
        Path target = Path.of(required(options, "out"));
        Files.writeString(target, jws + "\n", StandardCharsets.US_ASCII);
        out.println("trust list version " + list.version() + " signed by " + anchor.kid() + " into " + target);
        summary(list);
    }

    private void show(Path listFile, Path anchorFile) throws IOException, TrustAnchor.Refused {
        TrustAnchor anchor = new TrustAnchor(VerificationKey.fromJwk(Files.readString(anchorFile, StandardCharsets.UTF_8)));
        NationalTrustList list = anchor.verify(Files.readString(listFile, StandardCharsets.US_ASCII));
        out.println("trust list version " + list.version() + ", issued " + list.issuedAt() + ", signed by "
                + anchor.key().kid());
        summary(list);
    }

    private void summary(NationalTrustList list) {
        for (NationalTrustList.Province province : list.provinces()) {
            out.println("  " + province.code() + " " + province.name() + " " + province.verificationApi());
            for (NationalTrustList.ListedKey key : province.keys()) {
                out.println("    " + key.key().kid() + " " + key.validity().status() + " from " + key.validity().notBefore()
                        + (key.validity().notAfter() == null ? "" : " until " + key.validity().notAfter()));
            }
            for (NationalTrustList.ListedKey key : province.federationKeys()) {
                out.println("    federation " + key.key().kid() + " " + key.validity().status() + " from "
                        + key.validity().notBefore()
                        + (key.validity().notAfter() == null ? "" : " until " + key.validity().notAfter()));
            }
        }
    }

    /** A PKCS#8 private key as PEM ({@code BEGIN PRIVATE KEY}) or as bare base64. */
    static byte[] readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a PKCS#8 private key (PEM or base64)");
        }
    }

    private static Map<String, String> options(String[] args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }
}
