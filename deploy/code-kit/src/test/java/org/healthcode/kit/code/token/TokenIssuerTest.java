package org.healthcode.codeissuer.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.healthcode.codeissuer.domain.Colour;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyRing ring = TestKeys.ring("abcd", "abcd");
    private final MutableClock clock = new MutableClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(ring.signing(), "330000", Duration.ofSeconds(180), clock);

    @Test
    void theLongestTokenFitsIn250Characters() {
        // Longest kid (4), gold, a 22-character subject and the largest 10-digit expiry (year 2286).
        String token = issuer.sign(TestKeys.subjectId(), Colour.GREEN, true, 9_999_999_999L);
        assertTrue(token.length() <= 250, "token of " + token.length() + " characters");
        assertEquals(241, token.length(), "every part has a fixed size, so the worst case is exact");
    }

    @Test
    void headerAndPayloadAreExactlyTheContractsFields() throws Exception {
        String subject = TestKeys.subjectId();
        String[] parts = issuer.issue(subject, Colour.GREEN, true).token().split("\\.");
        assertEquals("{\"alg\":\"ES256\",\"kid\":\"abcd\"}", decode(parts[0]));
        assertEquals("{\"iss\":\"330000\",\"sub\":\"" + subject + "\",\"col\":\"G\",\"gold\":true,\"exp\":"
                + (NOW.getEpochSecond() + 180) + "}", decode(parts[1]));
        assertEquals(64, Base64.getUrlDecoder().decode(parts[2]).length, "R || S, not DER");

        JsonNode plain = JSON.readTree(decode(issuer.issue(subject, Colour.RED, false).token().split("\\.")[1]));
        assertEquals(List.of("iss", "sub", "col", "exp"), StreamSupport.stream(
                ((Iterable<String>) plain::fieldNames).spliterator(), false).toList(), "gold only when true");
        assertEquals("R", plain.get("col").asText());
    }

    @Test
    void aTokenVerifiesAndSaysWhatWasSigned() {
        String subject = TestKeys.subjectId();
        IssuedToken issued = issuer.issue(subject, Colour.YELLOW, false);
        assertEquals(NOW.plusSeconds(180), issued.expiresAt());

        Verification verification = new TokenVerifier(ring.verification(), "330000", Duration.ofSeconds(30), clock)
                .verify(issued.token());
        assertTrue(verification.valid(), () -> String.valueOf(verification.reason()));
        assertEquals(new CodeClaims("330000", subject, Colour.YELLOW, false, issued.expiresAt()), verification.claims());
    }

    @Test
    void refusesWhatCannotBeSignedSafely() {
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("short", Colour.GREEN, false));
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue("AAAAAAAAAAAAAAAAAAA\",\"x", Colour.GREEN, false));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenIssuer(ring.signing(), "33", Duration.ofSeconds(180), clock));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenIssuer(ring.signing(), "330000", Duration.ZERO, clock));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part));
    }
}
