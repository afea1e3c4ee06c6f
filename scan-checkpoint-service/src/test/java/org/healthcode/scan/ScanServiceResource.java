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
import org.eclipse.microprofile.config.ConfigProvider;
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
        Map<String, byte[]> keys = Map.of("k1", ecKey(), "k2", ecKey(), "s1", ecKey(), "g1", ecKey(), "f1", ecKey(),
                "x1", ecKey(), "d1", ecKey());
        keys.forEach((kid, pkcs8) -> config.put("test.code-key." + kid, base64(pkcs8)));
        // Federation: this province's key, and those of the provinces on the national list
        Map<String, byte[]> federation = Map.of("zj-fed", ecKey(), "fj-fed", ecKey(), "fj-old", ecKey(),
                "jx-fed", ecKey(), "sd-fed", ecKey());
        federation.forEach((kid, pkcs8) -> config.put("test.federation-key." + kid, base64(pkcs8)));
        config.put("scan.federation.key", "zj-fed:" + base64(federation.get("zj-fed")));
        ObjectMapper json = new ObjectMapper();
        byte[] anchor = SigningKey.generatePkcs8();
        config.put("test.anchor-key", base64(anchor));
        try {
            hub = Files.createTempDirectory("national-hub");
            config.put("test.national-hub.dir", hub.toString());
            SigningKey anchorKey = anchorKey(anchor);
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            jwks.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            String base = "http://127.0.0.1:" + jwks.getAddress().getPort();
            List<NationalTrustList.Province> federated = federatedProvinces(base, keys, federation);
            config.put("test.national-federated", new NationalTrustList(1, Instant.now(), federated).toJson());
            Files.writeString(hub.resolve("trust-list.jws"), nationalList(1, signingKey("g1", keys.get("g1"))
                    .verificationKey(), KeyStatus.ACTIVE, federated).sign(anchorKey));
            HomeProvince.serve(jwks, hub, federationKey("zj-fed", federation.get("zj-fed")).verificationKey(),
                    signingKey("f1", keys.get("f1")).verificationKey());
            config.put("scan.national-trust-list.anchor-key", json.writeValueAsString(anchorKey.verificationKey().toJwk()));
            config.put("scan.trust-list", json.writeValueAsString(TrustList.of("330000", publicKeys(keys, "k1")).toJwks()));
            byte[] served = json.writeValueAsBytes(publicKeys(keys, "k2").toJwks());
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
        // This checkpoint asks federated provinces' homes briefly (the slow one answers after 3 s).
        config.put("scan.federation.timeout", "800ms");
        // contacts abroad: a home that did not acknowledge is tried again soon (FederationContactSendIT)
        config.put("scan.federation.contacts.send-every", "500ms");
        config.put("scan.federation.contacts.timeout", "2s");
        config.put("scan.federation.contacts.retry-min", "300ms");
        config.put("scan.federation.contacts.retry-max", "1s");
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

    /**
     * Version {@code version} of the national list: Guangdong (440000) with key {@code key} in
     * {@code status}, which takes no part in federation, and the federated provinces of
     * {@link #federatedProvinces} (as the resource made them: {@code test.national-federated}).
     */
    static NationalTrustList nationalList(long version, VerificationKey key, KeyStatus status) {
        return nationalList(version, key, status, NationalTrustList.parse(ConfigProvider.getConfig()
                .getValue("test.national-federated", String.class)).provinces());
    }

    private static NationalTrustList nationalList(long version, VerificationKey key, KeyStatus status,
            List<NationalTrustList.Province> federated) {
        Instant now = Instant.now();
        List<NationalTrustList.Province> provinces = new java.util.ArrayList<>(List.of(new NationalTrustList.Province(
                "440000", "广东省", URI.create("https://hc.gd.example/api/v1"), List.of(new NationalTrustList.ListedKey(key,
                        new KeyValidity(now.minus(Duration.ofDays(30)), null, status))))));
        provinces.addAll(federated);
        return new NationalTrustList(version, now, provinces);
    }

    /**
     * The provinces that take part in federation, each with its code key and federation key: Fujian
     * (350000: code key f1, federation keys fj-fed active and fj-old revoked), answered by
     * {@link HomeProvince} at {@code <base>/fujian/api/v1}; Jiangxi (360000: x1, jx-fed), whose API
     * answers after 3 s; Shandong (370000: d1, sd-fed), whose API port is closed.
     */
    private static List<NationalTrustList.Province> federatedProvinces(String base, Map<String, byte[]> keys,
            Map<String, byte[]> federation) throws IOException {
        Instant since = Instant.now().minus(Duration.ofDays(30));
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        return List.of(
                province("350000", "福建省", base + "/fujian/api/v1", listed(signingKey("f1", keys.get("f1")), since,
                        KeyStatus.ACTIVE), List.of(listed(federationKey("fj-fed", federation.get("fj-fed")), since,
                                KeyStatus.ACTIVE), listed(federationKey("fj-old", federation.get("fj-old")), since,
                                KeyStatus.REVOKED))),
                province("360000", "江西省", base + "/slow/api/v1", listed(signingKey("x1", keys.get("x1")), since,
                        KeyStatus.ACTIVE), List.of(listed(federationKey("jx-fed", federation.get("jx-fed")), since,
                                KeyStatus.ACTIVE))),
                province("370000", "山东省", "http://127.0.0.1:" + closedPort + "/api/v1",
                        listed(signingKey("d1", keys.get("d1")), since, KeyStatus.ACTIVE),
                        List.of(listed(federationKey("sd-fed", federation.get("sd-fed")), since, KeyStatus.ACTIVE))));
    }

    private static NationalTrustList.Province province(String code, String name, String api,
            NationalTrustList.ListedKey codeKey, List<NationalTrustList.ListedKey> federationKeys) {
        return new NationalTrustList.Province(code, name, URI.create(api), List.of(codeKey), federationKeys);
    }

    private static NationalTrustList.ListedKey listed(SigningKey key, Instant since, KeyStatus status) {
        return new NationalTrustList.ListedKey(key.verificationKey(), new KeyValidity(since, null, status));
    }

    /** A federation key of the tests ({@code test.federation-key.<kid>}). */
    static SigningKey federationKey(String kid, byte[] pkcs8) {
        return SigningKey.federationKey(kid + ":" + base64(pkcs8));
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
