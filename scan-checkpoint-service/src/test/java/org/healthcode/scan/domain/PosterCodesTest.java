package org.healthcode.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.healthcode.kit.code.qr.QrMatrix;
import org.junit.jupiter.api.Test;

class PosterCodesTest {

    private final PosterCodes posters = new PosterCodes(key());
    private final UUID venue = UUID.fromString("0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b");

    @Test
    void aPosterCodeNamesItsVenueAndIsShort() {
        String code = posters.codeOf(venue);
        assertTrue(code.matches("HCV1\\.0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b\\.[A-Za-z0-9_-]{22}"), code);
        assertEquals(PosterCodes.LENGTH, code.length());
        assertEquals(64, code.length());
        assertEquals(Optional.of(venue), posters.venueOf(code));
        assertEquals(code, posters.codeOf(venue), "the same venue, the same poster");
        assertEquals(5, QrMatrix.encode(code).version(), "a small QR (37 modules), easy to scan from a wall");
    }

    @Test
    void aForgedOrAlteredCodeNamesNoVenue() {
        String code = posters.codeOf(venue);
        String mac = code.substring(code.length() - 22);
        UUID other = UUID.randomUUID();
        char last = code.charAt(code.length() - 1);
        for (String forged : new String[] {
                "HCV1." + other + "." + mac,                                        // another venue, this mac
                code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A'), // a changed mac
                new PosterCodes(key()).codeOf(venue),                               // signed with another key
                code.replace("HCV1.", "HCV2."), code.toUpperCase(), code + "=", " " + code.substring(1),
                code.substring(0, 41) + ":" + mac, "HCV1." + venue, "", null}) {
            assertEquals(Optional.empty(), posters.venueOf(forged), String.valueOf(forged));
        }
        assertNotEquals(posters.codeOf(venue), posters.codeOf(other));
    }

    @Test
    void theKeyIsRequiredAnd32BytesAndNeverShownInTheMessage() {
        String property = "scan.poster-key";
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PosterCodes.decodeKey(property, Optional.empty()));
        assertTrue(missing.getMessage().startsWith("scan.poster-key is not set. Set scan.poster-key (environment"
                + " SCAN_POSTER_KEY)"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> PosterCodes.decodeKey(property, Optional.of("  ")));
        IllegalStateException notBase64 = assertThrows(IllegalStateException.class,
                () -> PosterCodes.decodeKey(property, Optional.of("secret!!")));
        assertFalse(notBase64.getMessage().contains("secret!!"));
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> PosterCodes.decodeKey(property, Optional.of(short16)));
        assertTrue(tooShort.getMessage().contains("must be 32 bytes, not 16"));
        assertFalse(tooShort.getMessage().contains(short16));
        assertEquals(32, PosterCodes.decodeKey(property, Optional.of(Base64.getEncoder().encodeToString(key()))).length);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
