package org.healthcode.trusthub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.Rejection;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TokenIssuer;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.TrustAnchor;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.kit.code.token.VerificationKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands on real files (and one JWKS over HTTP), read back as a checkpoint reads them. */
class TrustHubTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final TrustHub hub = new TrustHub(Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(printed, true,
            StandardCharsets.UTF_8));

    private final SigningKey retired = key("k1");
    private final SigningKey active = key("k2");
    private final SigningKey revoked = key("k0");
    private final SigningKey shanghai = key("s1");
    private final SigningKey shanghaiFederation = SigningKey.federationKey("sh-fed-1:"
            + java.util.Base64.getEncoder().encodeToString(SigningKey.generatePkcs8()));

    @Test
    void signsTheListItAssemblesFromFilesAndAUrlAndTheVerifierAcceptsIt() throws Exception {
        hub.run("keygen", "--kid", "national-2026", "--private", dir.resolve("anchor.pem").toString(), "--public",
                dir.resolve("anchor.jwk.json").toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("anchor.pem"))));
        assertTrue(Files.readString(dir.resolve("anchor.pem")).startsWith("-----BEGIN PRIVATE KEY-----\n"));

        Files.writeString(dir.resolve("zhejiang-jwks.json"), jwks(retired, active));
        Files.writeString(dir.resolve("shanghai-federation-jwks.json"), jwks(shanghaiFederation));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] served = jwks(shanghai).getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, served.length);
            exchange.getResponseBody().write(served);
            exchange.close();
        });
        server.start();
        try {
            describe(1, "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
            hub.run("sign", "--description", dir.resolve("provinces.json").toString(), "--anchor-key",
                    dir.resolve("anchor.pem").toString(), "--anchor-kid", "national-2026", "--out",
                    dir.resolve("trust-list.jws").toString());
        } finally {
            server.stop(0);
        }

        TrustAnchor anchor = new TrustAnchor(VerificationKey.fromJwk(Files.readString(dir.resolve("anchor.jwk.json"))));
        NationalTrustList list = anchor.verify(Files.readString(dir.resolve("trust-list.jws")));
        assertEquals(1, list.version());
        assertEquals(NOW, list.issuedAt());
        assertEquals(List.of("330000", "310000"), list.provinces().stream().map(NationalTrustList.Province::code).toList());
        assertEquals(KeyStatus.REVOKED, list.province("330000").find("k0").validity().status());

        TokenVerifier verifier = new TokenVerifier(list.toTrustList(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(verifier.verify(code(active, "330000", NOW.minusSeconds(10))).valid());
        assertTrue(verifier.verify(code(shanghai, "310000", NOW.minusSeconds(10))).valid());
        Instant retiredAt = Instant.parse("2026-12-01T00:00:00Z");
        assertTrue(new TokenVerifier(list.toTrustList(), Clock.fixed(retiredAt.plusSeconds(60), ZoneOffset.UTC))
                .verify(code(retired, "330000", retiredAt.minusSeconds(60))).valid(),
                "a code the retired key signed inside its window, after the window, until the code expires");
        assertEquals(Rejection.OUTSIDE_KEY_WINDOW, verifier.verify(code(retired, "330000", NOW.minusSeconds(10))).reason());
        assertEquals(Rejection.REVOKED_KEY, verifier.verify(code(revoked, "330000", NOW.minusSeconds(10))).reason());

        // Shanghai's federation key: what it signs for Zhejiang verifies against the list
        assertEquals(KeyStatus.ACTIVE, list.province("310000").findFederationKey("sh-fed-1").validity().status());
        assertTrue(list.province("330000").federationKeys().isEmpty());
        String ask = FederationMessage.sign(shanghaiFederation, "310000", "330000", "q1", java.util.Map.of("token", "t"),
                Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("310000", FederationMessage.verify(ask, list, "330000", Clock.fixed(NOW, ZoneOffset.UTC)).issuer());

        printed.reset();
        hub.run("show", "--list", dir.resolve("trust-list.jws").toString(), "--anchor",
                dir.resolve("anchor.jwk.json").toString());
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("trust list version 1, issued 2026-12-06T00:00:00Z, signed by national-2026"), shown);
        assertTrue(shown.contains("    k0 REVOKED from 2025-01-01T00:00:00Z"), shown);
        assertTrue(shown.contains("    federation sh-fed-1 ACTIVE from 2026-06-01T00:00:00Z"), shown);

        // The next list must be newer than the one published.
        Files.writeString(dir.resolve("shanghai-jwks.json"), jwks(shanghai));
        describe(1, "shanghai-jwks.json");
        String[] next = {"sign", "--description", dir.resolve("provinces.json").toString(), "--anchor-key",
                dir.resolve("anchor.pem").toString(), "--anchor-kid", "national-2026", "--out",
                dir.resolve("next.jws").toString(), "--previous", dir.resolve("trust-list.jws").toString(), "--anchor",
                dir.resolve("anchor.jwk.json").toString()};
        assertThrows(IllegalArgumentException.class, () -> hub.run(next));
        describe(2, "shanghai-jwks.json");
        hub.run(next);
        assertEquals(2, anchor.update(list, Files.readString(dir.resolve("next.jws"))).version());
    }

    @Test
    void refusesAKeyItWasNotToldAboutAndNeverOverwritesAnAnchorKey() throws Exception {
        hub.run("keygen", "--kid", "a", "--private", dir.resolve("anchor.pem").toString(), "--public",
                dir.resolve("anchor.jwk.json").toString());
        assertThrows(FileAlreadyExistsException.class, () -> hub.run("keygen", "--kid", "a", "--private",
                dir.resolve("anchor.pem").toString(), "--public", dir.resolve("other.json").toString()));

        Files.writeString(dir.resolve("zhejiang-jwks.json"), jwks(retired, active, key("k9")));
        Files.writeString(dir.resolve("shanghai-jwks.json"), jwks(shanghai));
        describe(1, "shanghai-jwks.json");
        var refused = assertThrows(IllegalArgumentException.class, () -> hub.run("sign", "--description",
                dir.resolve("provinces.json").toString(), "--anchor-key", dir.resolve("anchor.pem").toString(),
                "--anchor-kid", "a", "--out", dir.resolve("trust-list.jws").toString()));
        assertEquals("province 330000: key k9 of its JWKS is not described (notBefore, status) in \"keys\"",
                refused.getMessage());
        assertTrue(Files.notExists(dir.resolve("trust-list.jws")));
        assertThrows(TrustHub.UsageException.class, () -> hub.run("sign", "--out", "x"));
    }

    /** Zhejiang from a file (k1 retired, k2 active, k0 revoked and withdrawn from its JWKS), Shanghai from {@code shanghaiJwks}. */
    private void describe(long version, String shanghaiJwks) throws Exception {
        String description = """
                {"version": %d, "provinces": [
                  {"code": "330000", "name": "浙江省", "verificationApi": "https://hc.zj.example/api/v1",
                   "jwks": "zhejiang-jwks.json",
                   "keys": {
                     "k0": {"notBefore": "2025-01-01T00:00:00Z", "notAfter": "2026-01-01T00:00:00Z", "status": "REVOKED",
                            "jwk": %s},
                     "k1": {"notBefore": "2026-01-01T00:00:00Z", "notAfter": "2026-12-01T00:00:00Z", "status": "RETIRED"},
                     "k2": {"notBefore": "2026-12-01T00:00:00Z", "status": "ACTIVE"}}},
                  {"code": "310000", "name": "上海市", "verificationApi": "https://hc.sh.example/api/v1",
                   "jwks": "%s",
                   "keys": {"s1": {"notBefore": "2026-06-01T00:00:00Z", "status": "ACTIVE"}},
                   "federationJwks": "shanghai-federation-jwks.json",
                   "federationKeys": {"sh-fed-1": {"notBefore": "2026-06-01T00:00:00Z", "status": "ACTIVE"}}}]}
                """.formatted(version, JSON.writeValueAsString(revoked.verificationKey().toJwk()), shanghaiJwks);
        Files.writeString(dir.resolve("provinces.json"), description);
    }

    private static String code(SigningKey key, String province, Instant issuedAt) {
        return new TokenIssuer(key, province, Duration.ofMinutes(3), Clock.systemUTC()).sign(subject(), Colour.GREEN,
                false, issuedAt.getEpochSecond(), issuedAt.plusSeconds(180).getEpochSecond());
    }

    private static String subject() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String jwks(SigningKey... keys) throws Exception {
        return JSON.writeValueAsString(new VerificationKeys(java.util.Arrays.stream(keys)
                .map(SigningKey::verificationKey).toList()).toJwks());
    }

    private static SigningKey key(String kid) {
        try {
            return SigningKey.fromPkcs8(kid, SigningKey.generatePkcs8());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
