package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Instant NOW = TokenIssuerTest.NOW;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    // Zhejiang: a retired key k0 and the signing key k1; a revoked key kx is no longer listed.
    private final SigningKey retired = TestKeys.signingKey("k0");
    private final SigningKey signing = TestKeys.signingKey("k1");
    private final SigningKey revoked = TestKeys.signingKey("kx");
    // Shanghai, trusted with its own key s1.
    private final SigningKey shanghai = TestKeys.signingKey("s1");
    private final TrustList trust = TrustList.of("330000", TestKeys.keysOf(retired, signing))
            .with("310000", TestKeys.keysOf(shanghai));

    private final MutableClock clock = new MutableClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(signing, "330000", Duration.ofSeconds(180), clock);
    private final TokenVerifier verifier = new TokenVerifier(trust, Duration.ofSeconds(30), clock);
    private final String subject = TestKeys.subjectId();

    @Test
    void aChangedPayloadBreaksTheSignature() {
        String[] parts = issuer.issue(subject, Colour.RED, false).token().split("\\.");
        String green = TokenIssuerTest.decode(parts[1]).replace("\"c\":\"R\"", "\"c\":\"G\"");
        assertRejected(Rejection.BAD_SIGNATURE, parts[0] + "." + b64(green) + "." + parts[2]);

        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        assertRejected(Rejection.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + B64.encodeToString(signature));
        assertRejected(Rejection.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + parts[2].substring(4));
    }

    @Test
    void onlyEs256IsAccepted() throws Exception {
        String payload = b64(payload("330000", NOW.getEpochSecond() + 180));
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + payload + ".");
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, b64("{\"kid\":\"k1\"}") + "." + payload + ".");

        // The classic confusion: HMAC keyed with the published public key.
        String input = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signing.verificationKey().toJwk().x().getBytes(), "HmacSHA256"));
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, input + "." + B64.encodeToString(mac.doFinal(input.getBytes())));
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED,
                signed(signing, "{\"alg\":\"ES384\",\"kid\":\"k1\"}", payload("330000", NOW.getEpochSecond())));
        // The algorithm is checked before the payload is read.
        assertRejected(Rejection.ALGORITHM_NOT_ALLOWED, b64("{\"alg\":\"none\"}") + "." + b64("not json") + ".");
    }

    @Test
    void anIssuerMustBeOnTheTrustListBeforeAnyKeyIsLookedAt() {
        SigningKey guangdong = TestKeys.signingKey("g1");
        String token = new TokenIssuer(guangdong, "440000", Duration.ofSeconds(180), clock)
                .issue(subject, Colour.GREEN, false).token();
        assertRejected(Rejection.UNTRUSTED_ISSUER, token);
        // Even with a forged signature or an unknown kid: nothing can be checked for that issuer.
        String[] parts = token.split("\\.");
        assertRejected(Rejection.UNTRUSTED_ISSUER, parts[0] + "." + parts[1] + "." + B64.encodeToString(new byte[64]));
        assertRejected(Rejection.UNTRUSTED_ISSUER,
                signed(signing, "{\"alg\":\"ES256\",\"kid\":\"k1\"}", payload("440000", NOW.getEpochSecond() + 180)));
    }

    @Test
    void anotherTrustedProvincesCodeVerifiesWithThatProvincesKeysOnly() {
        String fromShanghai = new TokenIssuer(shanghai, "310000", Duration.ofSeconds(180), clock)
                .issue(subject, Colour.GREEN, true).token();
        Verification verification = verifier.verify(fromShanghai);
        assertTrue(verification.valid(), () -> String.valueOf(verification.reason()));
        assertEquals("310000", verification.claims().issuer());
        assertTrue(verification.claims().gold());

        // A province's key signs for that province only: Zhejiang's k1 cannot speak for Shanghai,
        // nor Shanghai's s1 for Zhejiang.
        assertRejected(Rejection.UNKNOWN_KEY,
                signed(signing, "{\"alg\":\"ES256\",\"kid\":\"k1\"}", payload("310000", NOW.getEpochSecond() + 180)));
        assertRejected(Rejection.UNKNOWN_KEY,
                signed(shanghai, "{\"alg\":\"ES256\",\"kid\":\"s1\"}", payload("330000", NOW.getEpochSecond() + 180)));
    }

    @Test
    void aKeyMustBeKnownForTheIssuer() {
        SigningKey stranger = TestKeys.signingKey("k1");
        assertRejected(Rejection.BAD_SIGNATURE,
                new TokenIssuer(stranger, "330000", Duration.ofSeconds(180), clock).issue(subject, Colour.GREEN, false).token());
        assertRejected(Rejection.UNKNOWN_KEY, signed(stranger, "{\"alg\":\"ES256\",\"kid\":\"zz\"}",
                payload("330000", NOW.getEpochSecond() + 180)));
        assertRejected(Rejection.UNKNOWN_KEY, signed(stranger, "{\"alg\":\"ES256\"}",
                payload("330000", NOW.getEpochSecond() + 180)));
        assertRejected(Rejection.UNKNOWN_KEY,
                new TokenIssuer(revoked, "330000", Duration.ofSeconds(180), clock).issue(subject, Colour.GREEN, false).token());
    }

    @Test
    void aRetiredKeyStillVerifiesTheCodesItSigned() {
        String token = new TokenIssuer(retired, "330000", Duration.ofSeconds(180), clock).issue(subject, Colour.GREEN, true)
                .token();
        Verification verification = verifier.verify(token);
        assertTrue(verification.valid());
        assertTrue(verification.claims().gold());
    }

    @Test
    void anExpiredCodeVerifiesForThirtySecondsOfLeewayAndNotAMomentLonger() {
        assertEquals(Duration.ofSeconds(30), TokenVerifier.MAX_LEEWAY);
        assertEquals(TokenVerifier.MAX_LEEWAY, new TokenVerifier(trust, clock).leeway());
        IssuedToken issued = issuer.issue(subject, Colour.GREEN, false);
        assertEquals(NOW.plusSeconds(180), issued.expiresAt());

        clock.advance(Duration.ofSeconds(180 + 29));
        assertTrue(verifier.verify(issued.token()).valid(), "expired 29 s ago, within the leeway");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(verifier.verify(issued.token()).valid(), "expired exactly the leeway ago");
        // Not rounded to the second: a millisecond past exp + 30 s is past the leeway.
        clock.advance(Duration.ofMillis(1));
        Verification verification = verifier.verify(issued.token());
        assertEquals(Rejection.EXPIRED, verification.reason());
        assertEquals(subject, verification.claims().subjectId(), "authentic, so its claims are reported");
        clock.advance(Duration.ofMillis(998));
        assertEquals(Rejection.EXPIRED, verifier.verify(issued.token()).reason(), "expired 30.999 s ago");
        clock.advance(Duration.ofHours(1));
        assertEquals(Rejection.EXPIRED, verifier.verify(issued.token()).reason());
    }

    @Test
    void withoutLeewayACodeExpiresAtItsExpiry() {
        TokenVerifier strict = new TokenVerifier(trust, Duration.ZERO, clock);
        IssuedToken issued = issuer.issue(subject, Colour.GREEN, false);
        clock.advance(Duration.ofSeconds(180));
        assertTrue(strict.verify(issued.token()).valid(), "at its exp exactly");
        clock.advance(Duration.ofMillis(500));
        assertEquals(Rejection.EXPIRED, strict.verify(issued.token()).reason(), "half a second after its exp");
    }

    @Test
    void noVerifierTakesALeewayAboveThirtySeconds() {
        for (Duration leeway : new Duration[] {Duration.ofSeconds(30).plusMillis(1), Duration.ofSeconds(31),
                Duration.ofHours(1), Duration.ofSeconds(-1), null}) {
            assertThrows(IllegalArgumentException.class, () -> new TokenVerifier(trust, leeway, clock),
                    () -> "leeway " + leeway);
        }
    }

    @Test
    void aHighSRewriteOfACodeVerifiesToTheSameClaimsSoATokenStringIsNoIdentity() {
        String token = issuer.issue(subject, Colour.GREEN, true).token();
        int lastDot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        BigInteger n = Es256.P256.getN();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] rewritten = Arrays.copyOf(signature, 64);
        System.arraycopy(Es256.octets(n.subtract(s)), 0, rewritten, 32, 32);
        String twin = token.substring(0, lastDot + 1) + B64.encodeToString(rewritten);

        assertNotEquals(token, twin, "another token string");
        Verification original = verifier.verify(token);
        Verification other = verifier.verify(twin);
        assertTrue(original.valid());
        assertTrue(other.valid(), "ECDSA accepts s and n - s alike");
        assertEquals(original.claims(), other.claims(), "the same code: same holder, colour, times");
    }

    @Test
    void anythingElseIsMalformed() {
        String token = issuer.issue(subject, Colour.GREEN, false).token();
        String[] parts = token.split("\\.");
        for (String malformed : new String[] {null, "", "abc", parts[0] + "." + parts[1], token + ".x",
                "." + parts[1] + "." + parts[2], "!!." + parts[1] + "." + parts[2], b64("[1]") + "." + parts[1] + "." + parts[2],
                b64("not json") + "." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "." + parts[2] + "=",
                parts[0] + "." + parts[1] + "." + "*" + parts[2].substring(1), token + "x".repeat(1024),
                b64("{\"alg\":\"ES256\",\"kid\":\"k1\",\"crit\":[\"exp\"]}") + "." + parts[1] + "." + parts[2]}) {
            assertRejected(Rejection.MALFORMED, malformed);
        }
        String header = "{\"alg\":\"ES256\",\"kid\":\"k1\"}";
        long iat = NOW.getEpochSecond();
        long exp = iat + 60;
        String sub = "\"sub\":\"" + subject + "\"";
        String times = ",\"iat\":" + iat + ",\"exp\":" + exp + "}";
        for (String payload : new String[] {"not json", "[]",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"iat\":" + iat + "}",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"exp\":" + exp + "}",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"iat\":" + iat + ",\"exp\":\"" + exp + "\"}",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"iat\":" + iat + ",\"exp\":" + exp + ".5}",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"iat\":" + (exp + 1) + ",\"exp\":" + exp + "}",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"B\"" + times,
                "{\"iss\":\"330000\"," + sub + ",\"col\":\"G\"" + times,
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"g\":true" + times,
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"g\":0" + times,
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"g\":\"1\"" + times,
                "{\"iss\":330000," + sub + ",\"c\":\"G\"" + times,
                "{\"iss\":\"330000\",\"c\":\"G\"" + times,
                "{\"iss\":\"330000\",\"sub\":\"short\",\"c\":\"G\"" + times,
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"G\",\"iat\":" + iat + ",\"exp\":99999999999999999999}",
                "{\"iss\":\"330000\"," + sub + ",\"c\":\"R\",\"c\":\"G\"" + times}) {
            assertRejected(Rejection.MALFORMED, signed(signing, header, payload));
        }
    }

    @Test
    void aTokenWithOtherClaimsAndHeadersStillVerifies() {
        String payload = "{\"iss\":\"330000\",\"sub\":\"" + subject + "\",\"c\":\"Y\",\"iat\":" + NOW.getEpochSecond()
                + ",\"exp\":" + (NOW.getEpochSecond() + 180) + ",\"nm\":\"x\"}";
        Verification verification = verifier.verify(signed(signing, "{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"JWT\"}",
                payload));
        assertTrue(verification.valid());
        assertEquals(Colour.YELLOW, verification.claims().colour());
        assertEquals(NOW, verification.claims().issuedAt());
    }

    private void assertRejected(Rejection reason, String token) {
        Verification verification = verifier.verify(token);
        assertEquals(reason, verification.reason(), () -> "for " + token);
        if (reason != Rejection.EXPIRED) {
            assertNull(verification.claims(), "nothing of an unchecked token is reported");
        }
    }

    private String payload(String issuer, long exp) {
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"c\":\"G\",\"iat\":" + (exp - 180)
                + ",\"exp\":" + exp + "}";
    }

    static String signed(SigningKey key, String header, String payload) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + B64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
