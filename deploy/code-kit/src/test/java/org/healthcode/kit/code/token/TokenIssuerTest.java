package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKey key = TestKeys.signingKey("ab");
    private final MutableClock clock = new MutableClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(key, "330000", Duration.ofSeconds(180), clock);

    @Test
    void theLongestTokenIsExactly250Characters() {
        // Longest kid (2), gold, a 22-character subject and the largest 10-digit times (year 2286).
        String token = issuer.sign(TestKeys.subjectId(), Colour.GREEN, true, 9_999_999_819L, 9_999_999_999L);
        assertEquals(250, token.length(), "every part has a fixed size, so the worst case is exact");
        String shortest = new TokenIssuer(TestKeys.signingKey("a"), "330000", Duration.ofSeconds(180), clock)
                .sign(TestKeys.subjectId(), Colour.RED, false, NOW.getEpochSecond(), NOW.getEpochSecond() + 180);
        assertTrue(shortest.length() < 250, "token of " + shortest.length() + " characters");
    }

    @Test
    void aSwitchSetAheadSignsWithTheNewKeyFromItsSecondAndTheOldCodesStillVerify() {
        SigningKey next = TestKeys.signingKey("cd");
        Instant switchAt = NOW.plusSeconds(60);
        TokenIssuer rotating = new TokenIssuer(key, next, switchAt, "330000", Duration.ofSeconds(180), clock);
        TokenVerifier verifier = new TokenVerifier(TrustList.of("330000", TestKeys.keysOf(key, next)),
                Duration.ofSeconds(30), clock);
        String subject = TestKeys.subjectId();

        String before = rotating.issue(subject, Colour.GREEN, false).token();
        assertEquals("ab", rotating.signingKid());
        clock.advance(Duration.ofSeconds(59));
        String lastSecondBefore = rotating.issue(subject, Colour.GREEN, false).token();
        clock.advance(Duration.ofSeconds(1));
        String atTheSwitch = rotating.issue(subject, Colour.GREEN, false).token();
        String paperAtTheSwitch = rotating.issuePaper(subject, "123456789012", Duration.ofDays(180)).token();

        assertEquals("ab", kid(before));
        assertEquals("ab", kid(lastSecondBefore));
        assertEquals("cd", kid(atTheSwitch), "from the switch's second on, the new key signs");
        assertEquals("cd", kid(paperAtTheSwitch));
        assertEquals("cd", rotating.signingKid());
        assertTrue(verifier.verify(before).valid(), "a code signed before the switch verifies until it expires");
        assertTrue(verifier.verify(atTheSwitch).valid());
        assertThrows(IllegalArgumentException.class,
                () -> new TokenIssuer(key, next, null, "330000", Duration.ofSeconds(180), clock));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenIssuer(key, null, switchAt, "330000", Duration.ofSeconds(180), clock));
    }

    private static String kid(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void headerAndPayloadAreExactlyTheContractsFields() throws Exception {
        String subject = TestKeys.subjectId();
        String[] parts = issuer.issue(subject, Colour.GREEN, true).token().split("\\.");
        assertEquals("{\"alg\":\"ES256\",\"kid\":\"ab\"}", decode(parts[0]));
        assertEquals("{\"iss\":\"330000\",\"sub\":\"" + subject + "\",\"c\":\"G\",\"g\":1,\"iat\":" + NOW.getEpochSecond()
                + ",\"exp\":" + (NOW.getEpochSecond() + 180) + "}", decode(parts[1]));
        assertEquals(64, Base64.getUrlDecoder().decode(parts[2]).length, "R || S, not DER");

        JsonNode plain = JSON.readTree(decode(issuer.issue(subject, Colour.RED, false).token().split("\\.")[1]));
        assertEquals(List.of("iss", "sub", "c", "iat", "exp"), StreamSupport.stream(
                ((Iterable<String>) plain::fieldNames).spliterator(), false).toList(), "g only when gold");
        assertEquals("R", plain.get("c").asText());
    }

    @Test
    void aTokenVerifiesAndSaysWhatWasSigned() {
        String subject = TestKeys.subjectId();
        IssuedToken issued = issuer.issue(subject, Colour.YELLOW, false);
        assertEquals(NOW.plusSeconds(180), issued.expiresAt());

        Verification verification = new TokenVerifier(TrustList.of("330000", TestKeys.keysOf(key)),
                Duration.ofSeconds(30), clock).verify(issued.token());
        assertTrue(verification.valid(), () -> String.valueOf(verification.reason()));
        assertEquals(new CodeClaims("330000", subject, Colour.YELLOW, false, NOW, issued.expiresAt()),
                verification.claims());
    }

    @Test
    void refusesWhatCannotBeSignedSafely() {
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("short", Colour.GREEN, false));
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue("AAAAAAAAAAAAAAAAAAA\",\"x", Colour.GREEN, false));
        assertThrows(IllegalArgumentException.class,
                () -> issuer.sign(TestKeys.subjectId(), Colour.GREEN, false, 100, 99));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenIssuer(key, "33", Duration.ofSeconds(180), clock));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenIssuer(key, "330000", Duration.ZERO, clock));
    }

    @Test
    void aKeyIdIsOneOrTwoCharactersAndAKeyIsAP256PrivateKey() throws Exception {
        byte[] p256 = TestKeys.generate("secp256r1").getPrivate().getEncoded();
        assertEquals("a", SigningKey.fromPkcs8("a", p256).kid());
        assertEquals("k-", SigningKey.fromPkcs8("k-", p256).kid());
        for (String kid : new String[] {"abc", "", null, "a\"", "é"}) {
            assertThrows(IllegalArgumentException.class, () -> SigningKey.fromPkcs8(kid, p256), String.valueOf(kid));
        }
        byte[] p384 = TestKeys.generate("secp384r1").getPrivate().getEncoded();
        InvalidKeyException wrongCurve = assertThrows(InvalidKeyException.class, () -> SigningKey.fromPkcs8("a", p384));
        assertEquals("not a P-256 key", wrongCurve.getMessage());
        assertThrows(InvalidKeySpecException.class, () -> SigningKey.fromPkcs8("a", new byte[40]));
        InvalidKeySpecException truncated = assertThrows(InvalidKeySpecException.class,
                () -> SigningKey.fromPkcs8("a", java.util.Arrays.copyOf(p256, 30)));
        assertEquals(null, truncated.getCause(), "no cause that could carry key material");
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part));
    }
}
