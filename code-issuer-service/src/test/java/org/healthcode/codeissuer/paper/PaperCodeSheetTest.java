package org.healthcode.codeissuer.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TokenIssuer;
import org.junit.jupiter.api.Test;

/** The printed page, read back with the PDF library: what is on it, and what never is. */
class PaperCodeSheetTest {

    private static final Instant ISSUED = Instant.parse("2026-11-22T03:15:00Z");

    @Test
    void oneA6PageWithTheQrReferenceAndDatesAndNoColourOrName() throws Exception {
        SigningKey key = TestKeys.ring("k1", "k1").signing();
        String token = new TokenIssuer(key, "330000", Duration.ofSeconds(180), java.time.Clock.fixed(ISSUED,
                ZoneId.of("UTC"))).issuePaper(TestKeys.subjectId(), "123456789012", Duration.ofDays(180)).token();
        byte[] pdf = new PaperCodeSheet(ZoneId.of("Asia/Shanghai")).pdf(token, "123456789012", ISSUED,
                ISSUED.plus(Duration.ofDays(180)));

        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertEquals(1, PaperSheets.pages(pdf));
        float[] size = PaperSheets.size(pdf);
        assertEquals(297.6f, size[0], 0.5f, "A6 is 105 mm wide");
        assertEquals(419.5f, size[1], 0.5f, "A6 is 148 mm high");

        String text = PaperSheets.text(pdf);
        assertTrue(text.contains("Ref. 1234 5678 9012"), text);
        assertTrue(text.contains("Issued 2026-11-22"), text);
        assertTrue(text.contains("Valid until 2027-05-21"), text);
        assertTrue(text.contains("The colour is checked at the checkpoint"), text);
        String lower = text.toLowerCase(Locale.ROOT);
        for (String colour : List.of("green", "yellow", "red", "gold", "绿", "黄", "红")) {
            assertFalse(lower.contains(colour), () -> "a colour on the paper: " + colour);
        }
        assertFalse(text.matches("(?s).*[0-9]{17}[0-9Xx].*"), "no document number");

        assertEquals(token, PaperSheets.qr(pdf), "the QR is the signed paper code");
    }
}
