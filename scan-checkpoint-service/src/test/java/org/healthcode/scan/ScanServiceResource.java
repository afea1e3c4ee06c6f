package org.healthcode.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.KeyValidity;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TrustList;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.kit.code.token.VerificationKeys;

/**
 * Real Kafka and PostgreSQL, plus what this service will not start without, made for each run: a
 * poster key, and a trust list. Zhejiang (330000) is trusted inline with key "k1" and also through
 * a JWKS URL served here with key "k2"; a URL for 320000 answers 404 (a failing province must not
 * stop the others); Shanghai (310000) is not trusted, though its key "s1" signs codes. The private
 * keys reach the tests as {@code test.code-key.<kid>} (base64 PKCS#8). A national hub is served here
 * too: the signed trust list in the file {@code trust-list.jws} of the directory
 * {@code test.national-hub.dir} (version 1 at start: Guangdong, 440000, with key "g1"), signed by the
 * anchor whose private key is {@code test.anchor-key}; while a file {@code down} is there, the hub
 * drops every connection unanswered. Every IT of this module uses this one resource, so the
 * application starts once.
 */
public class ScanServiceResource extends RealInfraResource {

    /** The national hub's anchor kid. */
    static final String ANCHOR_KID = "national-test";

    private HttpServer jwks;
    private Path hub;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("scan.poster-key", base64(random(32)));
        Map<String, byte[]> keys = Map.of("k1", ecKey(), "k2", ecKey(), "s1", ecKey(), "g1", ecKey());
        keys.forEach((kid, pkcs8) -> config.put("test.code-key." + kid, base64(pkcs8)));
        ObjectMapper json = new ObjectMapper();
        byte[] anchor = SigningKey.generatePkcs8();
        config.put("test.anchor-key", base64(anchor));
        try {
            hub = Files.createTempDirectory("national-hub");
            config.put("test.national-hub.dir", hub.toString());
            SigningKey anchorKey = anchorKey(anchor);
            Files.writeString(hub.resolve("trust-list.jws"), nationalList(1, signingKey("g1", keys.get("g1"))
                    .verificationKey(), KeyStatus.ACTIVE).sign(anchorKey));
            config.put("scan.national-trust-list.anchor-key", json.writeValueAsString(anchorKey.verificationKey().toJwk()));
            config.put("scan.trust-list", json.writeValueAsString(TrustList.of("330000", publicKeys(keys, "k1")).toJwks()));
            byte[] served = json.writeValueAsBytes(publicKeys(keys, "k2").toJwks());
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            jwks.createContext("/jwks/330000", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, served.length);
                exchange.getResponseBody().write(served);
                exchange.close();
            });
            jwks.createContext("/jwks/320000", exchange -> {
                byte[] body = "{\"error\":\"gone\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.createContext("/national/trust-list.jws", exchange -> {
                if (Files.exists(hub.resolve("down"))) {
                    exchange.close();
                    return;
                }
                byte[] body = Files.readAllBytes(hub.resolve("trust-list.jws"));
                exchange.getResponseHeaders().add("Content-Type", "application/jose");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks/";
        config.put("scan.trust-list-url.330000", base + "330000");
        config.put("scan.trust-list-url.320000", base + "320000");
        config.put("scan.national-trust-list.url", "http://127.0.0.1:" + jwks.getAddress().getPort()
                + "/national/trust-list.jws");
        // Refreshed by the test (TrustedKeys.refreshNationalList), not by the schedule.
        config.put("scan.national-trust-list.refresh", "1h");
        config.put("scan.national-trust-list.retry", "1h");
        return config;
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop(0);
        }
        if (hub != null) {
            try (var files = Files.list(hub)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
                Files.delete(hub);
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    /** Version {@code version} of the national list: Guangdong (440000) with key {@code key} in {@code status}. */
    static NationalTrustList nationalList(long version, VerificationKey key, KeyStatus status) {
        Instant now = Instant.now();
        return new NationalTrustList(version, now, List.of(new NationalTrustList.Province("440000", "广东省",
                URI.create("https://hc.gd.example/api/v1"), List.of(new NationalTrustList.ListedKey(key,
                        new KeyValidity(now.minus(Duration.ofDays(30)), null, status))))));
    }

    static SigningKey anchorKey(byte[] pkcs8) {
        try {
            return SigningKey.anchorFromPkcs8(ANCHOR_KID, pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerificationKeys publicKeys(Map<String, byte[]> keys, String... kids) {
        return new VerificationKeys(List.of(kids).stream().map(kid -> signingKey(kid, keys.get(kid)).verificationKey())
                .toList());
    }

    static SigningKey signingKey(String kid, byte[] pkcs8) {
        try {
            return SigningKey.fromPkcs8(kid, pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
