package org.healthcode.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.KeyValidity;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.SigningKey;
import org.junit.jupiter.api.Test;

/** A contact finding travels as the claims of a signed federation message and reads back the same. */
class FederationContactTest {

    private static final Instant FROM = Instant.parse("2026-11-20T02:00:00Z");
    private static final FederationContact CONTACT = new FederationContact("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
            "Zx8Lm2Qp5Rt7Vw9Yb1Cd3e", 1, "CLOSE", FROM, FROM.plusSeconds(1800), FROM.plusSeconds(1800));

    private final SigningKey zhejiang = SigningKey.federationKey("zj-fed:"
            + Base64.getEncoder().encodeToString(SigningKey.generatePkcs8()));
    private final NationalTrustList list = new NationalTrustList(1, Instant.now(), List.of(new NationalTrustList.Province(
            "330000", "浙江省", URI.create("https://hc.zj.example/api/v1"), List.of(), List.of(
                    new NationalTrustList.ListedKey(zhejiang.verificationKey(), new KeyValidity(
                            Instant.now().minus(Duration.ofDays(1)), null, KeyStatus.ACTIVE))))));

    @Test
    void theFindingReadsBackFromTheVerifiedMessageAsItWasSent() throws Exception {
        FederationMessage.Verified message = FederationMessage.verify(sign(CONTACT.claims()), list, "350000",
                Clock.systemUTC());

        assertEquals(CONTACT, FederationContact.of(message));
        assertEquals("330000", message.issuer(), "the case's province is the signed issuer, not a claim");
    }

    @Test
    void aClaimAmissIsNamedNeverItsValue() throws Exception {
        assertEquals("kind", unreadable(Map.of("token", "a.code.here")));
        assertEquals("findingId", unreadable(with("findingId", "not/an id")));
        assertEquals("subjectId", unreadable(with("subjectId", "张三")));
        assertEquals("degree", unreadable(with("degree", "3")));
        assertEquals("exposure", unreadable(with("exposure", "NEARBY")));
        assertEquals("lastExposure", unreadable(with("lastExposure", "yesterday")));
        assertEquals("overlapTo", unreadable(with("overlapTo", FROM.minusSeconds(1).toString())));
    }

    private String unreadable(Map<String, String> claims) throws Exception {
        FederationMessage.Verified message = FederationMessage.verify(sign(claims), list, "350000", Clock.systemUTC());
        FederationContact.Unreadable refused = assertThrows(FederationContact.Unreadable.class,
                () -> FederationContact.of(message));
        return refused.field();
    }

    private static Map<String, String> with(String claim, String value) {
        Map<String, String> claims = new HashMap<>(CONTACT.claims());
        claims.put(claim, value);
        return claims;
    }

    private String sign(Map<String, String> claims) {
        return FederationMessage.sign(zhejiang, "330000", "350000", "c-1", claims, Duration.ofSeconds(60),
                Clock.systemUTC());
    }
}
