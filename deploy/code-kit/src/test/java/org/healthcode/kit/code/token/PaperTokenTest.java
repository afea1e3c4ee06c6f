package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

/** The paper code: a token of its own kind, with no colour, that only the paper check accepts. */
class PaperTokenTest {

    static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");

    private final SigningKey key = TestKeys.signingKey("ab");
    private final MutableClock clock = new MutableClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(key, "330000", Duration.ofSeconds(180), clock);
    private final TokenVerifier verifier = new TokenVerifier(TrustList.of("330000", TestKeys.keysOf(key)),
            Duration.ofSeconds(30), clock);

    @Test
    void aPaperCodeCarriesItsKindAndReferenceButNoColour() {
        String subject = TestKeys.subjectId();
        IssuedToken paper = issuer.issuePaper(subject, "123456789012", Duration.ofDays(180));
        String[] parts = paper.token().split("\\.");
        assertEquals("{\"alg\":\"ES256\",\"kid\":\"ab\",\"typ\":\"hc-paper\"}", decode(parts[0]));
        assertEquals("{\"iss\":\"330000\",\"sub\":\"" + subject + "\",\"pid\":\"123456789012\",\"iat\":"
                + NOW.getEpochSecond() + ",\"exp\":" + NOW.plus(Duration.ofDays(180)).getEpochSecond() + "}",
                decode(parts[1]));
        assertEquals(NOW.plus(Duration.ofDays(180)), paper.expiresAt());
        assertTrue(TokenVerifier.looksLikePaper(paper.token()));

        PaperVerification checked = verifier.verifyPaper(paper.token());
        assertTrue(checked.valid());
        assertEquals(new PaperClaims("330000", subject, "123456789012", NOW, NOW.plus(Duration.ofDays(180))),
                checked.claims());
    }

    @Test
    void aPaperCodeIsNoPhoneCodeAndAPhoneCodeIsNoPaperCode() {
        String paper = issuer.issuePaper(TestKeys.subjectId(), "123456789012", Duration.ofDays(180)).token();
        Verification asPhone = verifier.verify(paper);
        assertEquals(Rejection.MALFORMED, asPhone.reason(), "an offline checkpoint cannot admit by a colourless code");
        assertNull(asPhone.claims());

        String phone = issuer.issue(TestKeys.subjectId(), Colour.GREEN, false).token();
        assertFalse(TokenVerifier.looksLikePaper(phone));
        PaperVerification asPaper = verifier.verifyPaper(phone);
        assertEquals(Rejection.MALFORMED, asPaper.reason());
        assertNull(asPaper.claims());
    }

    @Test
    void aPaperCodeExpiresAfterItsMonthsAndAForgeryIsRefused() {
        String subject = TestKeys.subjectId();
        String paper = issuer.issuePaper(subject, "123456789012", Duration.ofDays(180)).token();
        clock.advance(Duration.ofDays(179));
        assertTrue(verifier.verifyPaper(paper).valid(), "months later still good");
        clock.advance(Duration.ofDays(1).plusSeconds(31));
        PaperVerification expired = verifier.verifyPaper(paper);
        assertEquals(Rejection.EXPIRED, expired.reason());
        assertEquals("123456789012", expired.claims().paperId(), "an authentic expired print still says which it is");

        String other = new TokenIssuer(TestKeys.signingKey("ab"), "330000", Duration.ofSeconds(180), clock)
                .issuePaper(subject, "123456789012", Duration.ofDays(180)).token();
        assertEquals(Rejection.BAD_SIGNATURE, verifier.verifyPaper(other).reason());
    }

    @Test
    void aReferenceIsTwelveDigits() {
        String subject = TestKeys.subjectId();
        assertThrows(IllegalArgumentException.class, () -> issuer.issuePaper(subject, "12345", Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issuePaper(subject, "12345678901a", Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issuePaper(subject, "123456789012", Duration.ZERO));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
