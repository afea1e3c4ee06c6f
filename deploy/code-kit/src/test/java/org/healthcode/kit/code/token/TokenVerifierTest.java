package org.healthcode.codeissuer.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.healthcode.codeissuer.domain.Colour;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Instant NOW = TokenIssuerTest.NOW;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String oldKey = TestKeys.entry("old");
    private final String nowKey = TestKeys.entry("now");
    private final String badKey = TestKeys.entry("bad");
    private final KeyRing ring = KeyRing.fromConfig(Optional.of(List.of(oldKey, nowKey, badKey)), Optional.of("now"),
            Set.of("bad"));
    private final MutableClock clock = new MutableClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(ring.signing(), "330000", Duration.ofSeconds(180), clock);
    private final TokenVerifier verifier = new TokenVerifier(ring.verification(), "330000", Duration.ofSeconds(30), clock);
    private final String subject = TestKeys.subjectId();

    @Test
    void aChangedPayloadBreaksTheSignature() {
        String[] parts = issuer.issue(subject, Colour.RED, false).token().split("\\.");
        String green = TokenIssuerTest.decode(parts[1]).replace("\"col\":\"R\"", "\"col\":\"G\"");
        assertRejected(Rejection.BAD_SIGNATURE, parts[0] + "." + b64(green) + "." + parts[2]);

        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        assertRejected(Rejection.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + B64.encodeToString(signature));
        assertRejected(Rejection.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + parts[2].substring(4));
    }

    @Test
    void onlyEs256IsAccepted() throws Exception {
        String payload = b64(payload("330000", NOW.getEpochSecond() + 180));
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, b64("{\"alg\":\"none\",\"kid\":\"now\"}") + "." + payload + ".");
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, b64("{\"kid\":\"now\"}") + "." + payload + ".");

        // The classic confusion: HMAC keyed with the published public key.
        String input = b64("{\"alg\":\"HS256\",\"kid\":\"now\"}") + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ring.verification().toJwks().keys().get(1).x().getBytes(), "HmacSHA256"));
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, input + "." + B64.encodeToString(mac.doFinal(input.getBytes())));
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED,
                signed(ring.signing(), "{\"alg\":\"ES384\",\"kid\":\"now\"}", payload("330000", NOW.getEpochSecond())));
    }

    @Test
    void aKeyMustBeKnownAndNotRevoked() {
        SigningKey stranger = TestKeys.ring("now", "now").signing();
        assertRejected(Rejection.BAD_SIGNATURE,
                new TokenIssuer(stranger, "330000", Duration.ofSeconds(180), clock).issue(subject, Colour.GREEN, false).token());
        assertRejected(Rejection.UNKNOWN_KEY, signed(stranger, "{\"alg\":\"ES256\",\"kid\":\"who\"}",
                payload("330000", NOW.getEpochSecond() + 180)));
        assertRejected(Rejection.UNKNOWN_KEY, signed(stranger, "{\"alg\":\"ES256\"}",
                payload("330000", NOW.getEpochSecond() + 180)));

        SigningKey revoked = KeyRing.parse(List.of(badKey)).get("bad");
        assertRejected(Rejection.UNKNOWN_KEY,
                new TokenIssuer(revoked, "330000", Duration.ofSeconds(180), clock).issue(subject, Colour.GREEN, false).token());
    }

    @Test
    void aRetiredKeyStillVerifiesTheCodesItSigned() {
        SigningKey retired = KeyRing.parse(List.of(oldKey)).get("old");
        String token = new TokenIssuer(retired, "330000", Duration.ofSeconds(180), clock).issue(subject, Colour.GREEN, true)
                .token();
        Verification verification = verifier.verify(token);
        assertTrue(verification.valid());
        assertTrue(verification.claims().gold());
    }

    @Test
    void anotherProvincesIssuerIsNotTrustedYet() {
        String token = new TokenIssuer(ring.signing(), "310000", Duration.ofSeconds(180), clock)
                .issue(subject, Colour.GREEN, false).token();
        Verification verification = verifier.verify(token);
        assertEquals(Rejection.UNTRUSTED_ISSUER, verification.reason());
        assertEquals("310000", verification.claims().issuer(), "authentic, so its claims are reported");
    }

    @Test
    void expiresAfterItsExpiryPlusThirtySecondsOfClockSkew() {
        IssuedToken issued = issuer.issue(subject, Colour.GREEN, false);
        clock.advance(Duration.ofSeconds(180 + 30));
        assertTrue(verifier.verify(issued.token()).valid(), "within the tolerated skew");
        clock.advance(Duration.ofSeconds(1));
        Verification verification = verifier.verify(issued.token());
        assertEquals(Rejection.EXPIRED, verification.reason());
        assertEquals(subject, verification.claims().subjectId());
    }

    @Test
    void anythingElseIsMalformed() {
        String token = issuer.issue(subject, Colour.GREEN, false).token();
        String[] parts = token.split("\\.");
        for (String malformed : new String[] {null, "", "abc", parts[0] + "." + parts[1], token + ".x",
                "." + parts[1] + "." + parts[2], "!!." + parts[1] + "." + parts[2], b64("[1]") + "." + parts[1] + "." + parts[2],
                b64("not json") + "." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "." + parts[2] + "=",
                parts[0] + "." + parts[1] + "." + "*" + parts[2].substring(1), token + "x".repeat(1024),
                b64("{\"alg\":\"ES256\",\"kid\":\"now\",\"crit\":[\"exp\"]}") + "." + parts[1] + "." + parts[2]}) {
            assertRejected(Rejection.MALFORMED, malformed);
        }
        String header = "{\"alg\":\"ES256\",\"kid\":\"now\"}";
        long exp = NOW.getEpochSecond() + 60;
        String sub = "\"sub\":\"" + subject + "\"";
        for (String payload : new String[] {"not json", "[]", "{\"iss\":\"330000\"," + sub + ",\"col\":\"G\"}",
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"G\",\"exp\":\"" + exp + "\"}",
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"G\",\"exp\":" + exp + ".5}",
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"B\",\"exp\":" + exp + "}",
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"G\",\"gold\":\"yes\",\"exp\":" + exp + "}",
                "{\"iss\":330000," + sub + ",\"col\":\"G\",\"exp\":" + exp + "}",
                "{\"iss\":\"330000\",\"col\":\"G\",\"exp\":" + exp + "}",
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"G\",\"exp\":99999999999999999999}",
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"R\",\"col\":\"G\",\"exp\":" + exp + "}"}) {
            assertRejected(Rejection.MALFORMED, signed(ring.signing(), header, payload));
        }
    }

    @Test
    void aTokenWithIssuedAtOrOtherClaimsStillVerifies() {
        String payload = "{\"iss\":\"330000\",\"sub\":\"" + subject + "\",\"col\":\"Y\",\"iat\":" + NOW.getEpochSecond()
                + ",\"exp\":" + (NOW.getEpochSecond() + 180) + ",\"nm\":\"x\"}";
        Verification verification = verifier.verify(signed(ring.signing(), "{\"alg\":\"ES256\",\"kid\":\"now\",\"typ\":\"JWT\"}",
                payload));
        assertTrue(verification.valid());
        assertEquals(Colour.YELLOW, verification.claims().colour());
    }

    private void assertRejected(Rejection reason, String token) {
        Verification verification = verifier.verify(token);
        assertEquals(reason, verification.reason(), () -> "for " + token);
        if (reason != Rejection.UNTRUSTED_ISSUER && reason != Rejection.EXPIRED) {
            assertNull(verification.claims(), "nothing of an unauthenticated token is reported");
        }
    }

    private String payload(String issuer, long exp) {
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"col\":\"G\",\"exp\":" + exp + "}";
    }

    static String signed(SigningKey key, String header, String payload) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + B64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
