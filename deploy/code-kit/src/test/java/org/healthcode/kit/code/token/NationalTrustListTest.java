package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

class NationalTrustListTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final SigningKey anchorKey = anchor("national-2026");
    private final TrustAnchor anchor = new TrustAnchor(anchorKey.verificationKey());
    private final SigningKey current = TestKeys.signingKey("k2");
    private final SigningKey previous = TestKeys.signingKey("k1");
    private final MutableClock clock = new MutableClock(T0);

    /** Zhejiang: k1 retired at T0, k2 active since T0. */
    private NationalTrustList list(long version, KeyStatus previousStatus) {
        return new NationalTrustList(version, T0, List.of(new NationalTrustList.Province("330000", "浙江省",
                URI.create("https://hc.zj.example/api/v1"), List.of(
                        new NationalTrustList.ListedKey(previous.verificationKey(),
                                new KeyValidity(T0.minus(Duration.ofDays(365)), T0, previousStatus)),
                        new NationalTrustList.ListedKey(current.verificationKey(),
                                new KeyValidity(T0, null, KeyStatus.ACTIVE))))));
    }

    private TokenVerifier verifier(NationalTrustList list) {
        return new TokenVerifier(list.toTrustList(), clock);
    }

    private static String code(SigningKey key, Instant issuedAt) {
        return new TokenIssuer(key, "330000", Duration.ofMinutes(3), java.time.Clock.systemUTC())
                .sign(TestKeys.subjectId(), Colour.GREEN, false, issuedAt.getEpochSecond(),
                        issuedAt.plusSeconds(180).getEpochSecond());
    }

    @Test
    void aListTheAnchorSignedIsReadBackAsItWasWritten() throws Exception {
        NationalTrustList written = list(3, KeyStatus.RETIRED);
        NationalTrustList read = anchor.verify(written.sign(anchorKey));
        assertEquals(3, read.version());
        assertEquals(T0, read.issuedAt());
        assertEquals(written.toJson(), read.toJson());
        assertEquals("浙江省", read.province("330000").name());
        assertEquals(KeyStatus.RETIRED, read.province("330000").find("k1").validity().status());
        assertNull(read.province("330000").find("k9"));
        clock.advance(Duration.ofSeconds(10));
        assertTrue(verifier(read).verify(code(current, T0.plusSeconds(5))).valid());
    }

    @Test
    void aListSignedByAnotherKeyIsRefused() {
        SigningKey impostor = anchor("national-2026");
        var refused = assertThrows(TrustAnchor.Refused.class, () -> anchor.verify(list(3, KeyStatus.RETIRED).sign(impostor)));
        assertEquals(TrustAnchor.Reason.BAD_SIGNATURE, refused.reason());
        SigningKey otherKid = anchor("someone-else");
        assertEquals(TrustAnchor.Reason.BAD_SIGNATURE, assertThrows(TrustAnchor.Refused.class,
                () -> anchor.verify(list(3, KeyStatus.RETIRED).sign(otherKid))).reason());
    }

    @Test
    void aListChangedAfterSigningIsRefused() {
        String jws = list(3, KeyStatus.REVOKED).sign(anchorKey);
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String unrevoked = payload.replace("\"REVOKED\"", "\"RETIRED\"");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(unrevoked.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(TrustAnchor.Reason.BAD_SIGNATURE,
                assertThrows(TrustAnchor.Refused.class, () -> anchor.verify(altered)).reason());
        for (String bad : new String[] {null, "", "a.b", parts[0] + "." + parts[1] + ".", jws + ".x", "x.y.z"}) {
            assertThrows(TrustAnchor.Refused.class, () -> anchor.verify(bad), String.valueOf(bad));
        }
    }

    @Test
    void aLowerVersionThanTheOneHeldIsRefusedTheSameKeepsWhatIsHeldAHigherReplacesIt() throws Exception {
        NationalTrustList held = anchor.update(null, list(5, KeyStatus.RETIRED).sign(anchorKey));
        var refused = assertThrows(TrustAnchor.Refused.class,
                () -> anchor.update(held, list(4, KeyStatus.ACTIVE).sign(anchorKey)));
        assertEquals(TrustAnchor.Reason.OLDER_VERSION, refused.reason());
        assertEquals("version 4 is older than version 5 held", refused.getMessage());
        assertSame(held, anchor.update(held, list(5, KeyStatus.ACTIVE).sign(anchorKey)));
        assertEquals(6, anchor.update(held, list(6, KeyStatus.REVOKED).sign(anchorKey)).version());
    }

    @Test
    void aRevokedKeyFailsEveryCodeItSignedEvenInsideItsWindowAndBeforeExpiry() throws Exception {
        Instant issued = T0.minusSeconds(60);
        String token = code(previous, issued);
        assertTrue(verifier(list(1, KeyStatus.RETIRED)).verify(token).valid());
        Verification revoked = verifier(anchor.verify(list(2, KeyStatus.REVOKED).sign(anchorKey))).verify(token);
        assertEquals(Rejection.REVOKED_KEY, revoked.reason());
        assertNull(revoked.claims(), "what a revoked key signed says nothing");
    }

    @Test
    void aRetiredKeyStillVerifiesACodeItSignedInsideItsWindowUntilTheCodeExpires() {
        String token = code(previous, T0.minusSeconds(30));
        clock.advance(Duration.ofSeconds(100));
        assertTrue(verifier(list(1, KeyStatus.RETIRED)).verify(token).valid(), "after the key's notAfter");
        clock.advance(Duration.ofSeconds(200));
        assertEquals(Rejection.EXPIRED, verifier(list(1, KeyStatus.RETIRED)).verify(token).reason());
    }

    @Test
    void aCodeIssuedOutsideItsKeysWindowIsRefused() {
        // k1 signs after its notAfter; k2 signs before its notBefore.
        assertEquals(Rejection.OUTSIDE_KEY_WINDOW,
                verifier(list(1, KeyStatus.RETIRED)).verify(code(previous, T0)).reason());
        assertEquals(Rejection.OUTSIDE_KEY_WINDOW,
                verifier(list(1, KeyStatus.RETIRED)).verify(code(current, T0.minusSeconds(1))).reason());
        assertTrue(verifier(list(1, KeyStatus.RETIRED)).verify(code(current, T0)).valid(), "notBefore is inside");
        assertTrue(verifier(list(1, KeyStatus.RETIRED)).verify(code(previous, T0.minusSeconds(1))).valid());
    }

    @Test
    void theNationalListsKeysWinOverTheSameKidFromAProvincesOwnJwks() {
        TrustList own = TrustList.of("330000", TestKeys.keysOf(previous));
        TrustList joined = own.merge(list(2, KeyStatus.REVOKED).toTrustList());
        assertEquals(Rejection.REVOKED_KEY,
                new TokenVerifier(joined, clock).verify(code(previous, T0.minusSeconds(5))).reason());
    }

    @Test
    void refusesAListThatIsSignedButNotValid() {
        String[] bad = {"{}", "{\"version\":0,\"issuedAt\":\"2026-12-01T00:00:00Z\",\"provinces\":[]}",
                "{\"version\":1,\"issuedAt\":\"yesterday\",\"provinces\":[]}",
                "{\"version\":1,\"issuedAt\":\"2026-12-01T00:00:00Z\",\"provinces\":[{\"code\":\"330100\",\"name\":\"x\","
                        + "\"verificationApi\":\"https://x.example\",\"keys\":[]}]}",
                "{\"version\":1,\"issuedAt\":\"2026-12-01T00:00:00Z\",\"provinces\":[{\"code\":\"330000\",\"name\":\"x\","
                        + "\"verificationApi\":\"https://x.example\",\"keys\":[{\"jwk\":"
                        + "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"x\",\"x\":\"AQ\",\"y\":\"AQ\"}}]}]}"};
        for (String payload : bad) {
            assertThrows(IllegalArgumentException.class, () -> NationalTrustList.parse(payload), payload);
        }
        assertEquals(0, NationalTrustList.parse("{\"version\":1,\"issuedAt\":\"2026-12-01T00:00:00Z\",\"provinces\":[]}")
                .provinces().size());
    }

    static SigningKey anchor(String kid) {
        try {
            return SigningKey.anchorFromPkcs8(kid, SigningKey.generatePkcs8());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
