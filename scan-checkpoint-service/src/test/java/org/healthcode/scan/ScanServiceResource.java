package org.healthcode.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TrustList;
import org.healthcode.kit.code.token.VerificationKeys;

/**
 * Real Kafka and PostgreSQL, plus what this service will not start without, made for each run: a
 * poster key, and a trust list. Zhejiang (330000) is trusted inline with key "k1" and also through
 * a JWKS URL served here with key "k2"; a URL for 320000 answers 404 (a failing province must not
 * stop the others); Shanghai (310000) is not trusted, though its key "s1" signs codes. The private
 * keys reach the tests as {@code test.code-key.<kid>} (base64 PKCS#8). Every IT of this module uses
 * this one resource, so the application starts once.
 */
public class ScanServiceResource extends RealInfraResource {

    private HttpServer jwks;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("scan.poster-key", base64(random(32)));
        Map<String, byte[]> keys = Map.of("k1", ecKey(), "k2", ecKey(), "s1", ecKey());
        keys.forEach((kid, pkcs8) -> config.put("test.code-key." + kid, base64(pkcs8)));
        ObjectMapper json = new ObjectMapper();
        try {
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
            jwks.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks/";
        config.put("scan.trust-list-url.330000", base + "330000");
        config.put("scan.trust-list-url.320000", base + "320000");
        return config;
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop(0);
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
