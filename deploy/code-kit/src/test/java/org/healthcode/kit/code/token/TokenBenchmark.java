package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.qr.QrRenderer;
import org.junit.jupiter.api.Test;

/**
 * Throughput of code tokens on one thread, against the raw primitive measured in the same run
 * (DESIGN.md, Numbers: offline verification at least 0.8 of raw signature verification), and of
 * drawing the QR images. Not a test: the build runs only *Test and *IT. Run it with
 * {@code mvn -o -pl deploy/code-kit test -Dtest=TokenBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the table is printed and written to {@code target/token-benchmark.txt}.
 */
class TokenBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration ROUND = Duration.ofSeconds(2);
    private static final int ROUNDS = 5;

    @Test
    void measure() throws Exception {
        SigningKey key = TestKeys.signingKey("k1");
        VerificationKeys keys = TestKeys.keysOf(key);
        TokenIssuer issuer = new TokenIssuer(key, "330000", Duration.ofHours(1), Clock.systemUTC());
        TokenVerifier verifier = new TokenVerifier(TrustList.of("330000", keys), Duration.ofSeconds(30), Clock.systemUTC());
        String subject = TestKeys.subjectId();
        String token = issuer.issue(subject, Colour.GREEN, true).token();
        assertTrue(verifier.verify(token).valid());

        // The raw primitive: the same signing input and signature, a Signature already initialised.
        int lastDot = token.lastIndexOf('.');
        byte[] input = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        byte[] der = EcdsaSignatureFormat.toDer(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
        Signature bc = Signature.getInstance("SHA256withECDSA", Es256.provider());
        bc.initVerify(keys.find("k1").publicKey());
        PublicKey jdkKey = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(keys.find("k1").publicKey().getEncoded()));
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(jdkKey);

        Map<String, BooleanSupplier> operations = new LinkedHashMap<>();
        operations.put("tokens signed (TokenIssuer.issue)", () -> issuer.issue(subject, Colour.GREEN, true).token() != null);
        operations.put("offline verifications (TokenVerifier.verify)", () -> verifier.verify(token).valid());
        operations.put("raw BC Signature.verify (" + bc.getProvider().getName() + ")", () -> verify(bc, input, der));
        operations.put("raw JDK default Signature.verify (" + jdk.getProvider().getName() + ")", () -> verify(jdk, input, der));

        QrRenderer renderer = new QrRenderer(QrRenderer.DEFAULT_SCALE);
        operations.put("QR PNG drawn (zxing encode + PngWriter)", () -> renderer.png(token, Colour.GREEN, true).length > 0);
        operations.put("QR SVG drawn (zxing encode + SvgWriter)", () -> !renderer.svg(token, Colour.GREEN, true).isEmpty());

        for (BooleanSupplier operation : operations.values()) {
            run(operation, WARM_UP);
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        operations.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            // Interleaved, so a neighbour's load on this shared machine hits every operation alike.
            for (var operation : operations.entrySet()) {
                rates.get(operation.getKey()).add(run(operation.getValue(), ROUND));
            }
        }

        List<String> names = new ArrayList<>(operations.keySet());
        double rawBc = median(rates.get(names.get(2)));
        StringBuilder table = new StringBuilder()
                .append(String.format(Locale.ROOT, "Token benchmark: 1 thread, median of %d rounds of %d s, token of %d characters,"
                        + " %d cores, %s %s%n", ROUNDS, ROUND.toSeconds(), token.length(),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                        System.getProperty("java.version")))
                .append(String.format(Locale.ROOT, "| %-52s | %10s | %9s | %13s |%n", "operation", "ops/s", "µs/op",
                        "vs raw BC"))
                .append(String.format(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(54), "-".repeat(12), "-".repeat(11),
                        "-".repeat(15)));
        for (String name : names) {
            double rate = median(rates.get(name));
            boolean verification = name.contains("verif");
            table.append(String.format(Locale.ROOT, "| %-52s | %10.0f | %9.1f | %13s |%n", name, rate, 1e6 / rate,
                    verification ? String.format(Locale.ROOT, "%.2f", rate / rawBc) : ""));
        }
        System.out.print(table);
        write(table.toString());
    }

    private static boolean verify(Signature signature, byte[] input, byte[] der) {
        try {
            signature.update(input);
            return signature.verify(der);
        } catch (SignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Operations per second over {@code duration}; every result must be true (nothing optimised away). */
    private static double run(BooleanSupplier operation, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        long count = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                if (!operation.getAsBoolean()) {
                    throw new AssertionError("operation failed");
                }
            }
            count += 16;
            now = System.nanoTime();
        } while (now < end);
        return count * 1e9 / (now - start);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void write(String table) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("token-benchmark.txt"), table);
        }
    }
}
