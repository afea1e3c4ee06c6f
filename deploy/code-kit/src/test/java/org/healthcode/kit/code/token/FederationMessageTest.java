package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FederationMessageTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final SigningKey shanghai = federationKey("sh-fed-1");
    private final SigningKey shanghaiOld = federationKey("sh-fed-0");
    private final SigningKey stranger = federationKey("sh-fed-1");
    private final MutableClock clock = new MutableClock(T0);
    private final SigningKey anchor = federationKey("national");

    private static SigningKey federationKey(String kid) {
        return SigningKey.federationKey(kid + ":" + Base64.getEncoder().encodeToString(SigningKey.generatePkcs8()));
    }

    /** Shanghai with an active federation key and a revoked one; Zhejiang with none. */
    private NationalTrustList list() {
        return new NationalTrustList(1, T0, List.of(
                new NationalTrustList.Province("310000", "上海市", URI.create("https://hc.sh.example/api/v1"), List.of(),
                        List.of(new NationalTrustList.ListedKey(shanghai.verificationKey(),
                                        new KeyValidity(T0.minus(Duration.ofDays(1)), null, KeyStatus.ACTIVE)),
                                new NationalTrustList.ListedKey(shanghaiOld.verificationKey(),
                                        new KeyValidity(T0.minus(Duration.ofDays(9)), null, KeyStatus.REVOKED)))),
                new NationalTrustList.Province("330000", "浙江省", URI.create("https://hc.zj.example/api/v1"),
                        List.of())));
    }

    private String message(SigningKey key, String audience, Duration lifetime) {
        return FederationMessage.sign(key, "310000", audience, "q-1", Map.of("token", "a.b.c"), lifetime, clock);
    }

    private FederationMessage.Reason refused(String jws) {
        return assertThrows(FederationMessage.Refused.class,
                () -> FederationMessage.verify(jws, list(), "330000", clock)).reason();
    }

    @Test
    void aMessageSignedByTheSendersListedKeyIsReadWithItsClaims() throws Exception {
        FederationMessage.Verified read = FederationMessage.verify(message(shanghai, "330000", Duration.ofSeconds(60)),
                list(), "330000", clock);
        assertEquals("310000", read.issuer());
        assertEquals("330000", read.audience());
        assertEquals("q-1", read.id());
        assertEquals("sh-fed-1", read.kid());
        assertEquals("a.b.c", read.text("token"));
        assertEquals(T0.plusSeconds(60), read.expiresAt());
    }

    @Test
    void theListParsedBackKeepsTheFederationKeys() throws Exception {
        NationalTrustList read = new TrustAnchor(anchorKey().verificationKey()).verify(list().sign(anchorKey()));
        assertEquals(list().toJson(), read.toJson());
        assertEquals(KeyStatus.REVOKED, read.province("310000").findFederationKey("sh-fed-0").validity().status());
        FederationMessage.verify(message(shanghai, "330000", Duration.ofSeconds(30)), read, "330000", clock);
    }

    private SigningKey anchorKey() {
        return anchor;
    }

    @Test
    void anotherKeyWithTheSameKidIsABadSignature() {
        assertEquals(FederationMessage.Reason.SIGNATURE_INVALID, refused(message(stranger, "330000",
                Duration.ofSeconds(60))));
    }

    @Test
    void aChangedPayloadIsABadSignature() {
        String[] parts = message(shanghai, "330000", Duration.ofSeconds(60)).split("\\.");
        String other = message(shanghai, "330000", Duration.ofSeconds(59)).split("\\.")[1];
        assertEquals(FederationMessage.Reason.SIGNATURE_INVALID, refused(parts[0] + "." + other + "." + parts[2]));
    }

    @Test
    void aMessageForAnotherProvinceIsRefused() {
        assertEquals(FederationMessage.Reason.WRONG_AUDIENCE, refused(message(shanghai, "440000",
                Duration.ofSeconds(60))));
    }

    @Test
    void anExpiredMessageIsRefusedAfterTheSkew() throws Exception {
        String jws = message(shanghai, "330000", Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60).plus(FederationMessage.SKEW));
        FederationMessage.verify(jws, list(), "330000", clock);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(FederationMessage.Reason.EXPIRED, refused(jws));
    }

    @Test
    void aMessageLongerThanAMinuteCannotBeSigned() {
        assertThrows(IllegalArgumentException.class, () -> message(shanghai, "330000", Duration.ofSeconds(61)));
    }

    @Test
    void anUnknownKidOrProvinceIsRefused() {
        SigningKey unlisted = federationKey("sh-fed-9");
        assertEquals(FederationMessage.Reason.UNKNOWN_KEY, refused(message(unlisted, "330000", Duration.ofSeconds(60))));
        String fromHainan = FederationMessage.sign(shanghai, "460000", "330000", "q-2", Map.of(),
                Duration.ofSeconds(60), clock);
        assertEquals(FederationMessage.Reason.UNKNOWN_PROVINCE, refused(fromHainan));
    }

    @Test
    void aRevokedKeySignsNothing() {
        assertEquals(FederationMessage.Reason.KEY_NOT_VALID, refused(message(shanghaiOld, "330000",
                Duration.ofSeconds(60))));
    }

    @Test
    void aCodeOrGarbageIsMalformed() {
        assertEquals(FederationMessage.Reason.MALFORMED, refused("not-a-jws"));
        String code = new TokenIssuer(TestKeys.signingKey("k1"), "310000", Duration.ofMinutes(3), clock)
                .issue(TestKeys.subjectId(), org.healthcode.kit.code.Colour.GREEN, false).token();
        assertEquals(FederationMessage.Reason.MALFORMED, refused(code));
    }

    @Test
    void aFederationKeyEntryNeverEchoesItsKeyMaterial() {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> SigningKey.federationKey("sh-fed-1:c2VjcmV0"));
        assertFalse(problem.getMessage().contains("c2VjcmV0"));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.federationKey("no colon"));
    }
}
