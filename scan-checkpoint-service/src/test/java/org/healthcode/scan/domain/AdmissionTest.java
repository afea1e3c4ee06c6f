package org.healthcode.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.PaperVerification;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TokenIssuer;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.TrustList;
import org.healthcode.kit.code.token.Verification;
import org.healthcode.kit.code.token.VerificationKeys;
import org.junit.jupiter.api.Test;

/** The checkpoint rule on real tokens: valid and green now, or DENY with the reason. */
class AdmissionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");
    private static final String SUBJECT = "q3Vb0mXkT2yWJ8sLr5nA1w";

    private final SigningKey zhejiang = key("k1");
    private final SigningKey shanghai = key("s1");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenVerifier verifier = new TokenVerifier(
            TrustList.of("330000", new VerificationKeys(java.util.List.of(zhejiang.verificationKey())))
                    .with("310000", new VerificationKeys(java.util.List.of(shanghai.verificationKey()))),
            Duration.ofSeconds(30), clock);

    @Test
    void aValidGreenCodeOfAHolderWithNoStoredColourIsAllowedOnTheCodesColour() {
        Admission.Outcome outcome = Admission.ofCode(verify(zhejiang, "330000", Colour.GREEN, true, clock), null);
        assertEquals(Decision.ALLOW, outcome.decision());
        assertNull(outcome.reason());
        assertEquals(Colour.GREEN, outcome.shownColour());
        assertEquals(true, outcome.shownGold());
        assertEquals(SUBJECT, outcome.subjectId());
        assertEquals("330000", outcome.province());

        Admission.Outcome visitor = Admission.ofCode(verify(shanghai, "310000", Colour.GREEN, false, clock), null);
        assertEquals(Decision.ALLOW, visitor.decision(), "another trusted province's green code");
        assertEquals("310000", visitor.province());
    }

    @Test
    void theColourNowBeatsTheColourInTheCode() {
        Verification green = verify(zhejiang, "330000", Colour.GREEN, true, clock);
        Admission.Outcome red = Admission.ofCode(green, stored(Colour.RED, false));
        assertEquals(Decision.DENY, red.decision());
        assertEquals(DenyReason.COLOUR_RED, red.reason());
        assertEquals(Colour.RED, red.shownColour());
        assertEquals(false, red.shownGold(), "no gold mark on red");

        assertEquals(DenyReason.COLOUR_YELLOW, Admission.ofCode(green, stored(Colour.YELLOW, true)).reason());

        Admission.Outcome recovered = Admission.ofCode(verify(zhejiang, "330000", Colour.RED, false, clock),
                stored(Colour.GREEN, true));
        assertEquals(Decision.ALLOW, recovered.decision(), "green again since the code was signed");
        assertEquals(true, recovered.shownGold());

        Admission.Outcome redCode = Admission.ofCode(verify(zhejiang, "330000", Colour.RED, false, clock), null);
        assertEquals(DenyReason.COLOUR_RED, redCode.reason(), "no stored colour: the code's own");
    }

    @Test
    void aCodeThatFailsACheckIsDeniedWithTheVerifiersReasonAndShowsNoColour() {
        Verification untrusted = verify(key("g1"), "440000", Colour.GREEN, false, clock);
        Admission.Outcome outcome = Admission.ofCode(untrusted, stored(Colour.GREEN, false));
        assertEquals(Decision.DENY, outcome.decision());
        assertEquals(DenyReason.UNTRUSTED_ISSUER, outcome.reason());
        assertNull(outcome.subjectId(), "nothing of an unchecked code is believed");
        assertNull(outcome.colourAtScan());
        assertNull(outcome.shownColour());

        Verification forged = verify(key("k1"), "330000", Colour.GREEN, false, clock);
        assertEquals(DenyReason.BAD_SIGNATURE, Admission.ofCode(forged, null).reason());
        assertEquals(DenyReason.MALFORMED, Admission.ofCode(verifier.verify("x"), null).reason());

        Verification expired = verify(zhejiang, "330000", Colour.GREEN, false,
                Clock.offset(clock, Duration.ofMinutes(-10)));
        Admission.Outcome late = Admission.ofCode(expired, stored(Colour.RED, false));
        assertEquals(DenyReason.EXPIRED, late.reason());
        assertEquals(SUBJECT, late.subjectId(), "authentic: the visit is known");
        assertEquals(Colour.RED, late.colourAtScan(), "recorded with the colour now");
        assertNull(late.shownColour(), "an old screenshot reveals nothing new");
        assertNull(late.shownGold());
    }

    @Test
    void aPersonKnownByPseudonymIsJudgedByTheStoredColourAndDeniedWithoutOne() {
        Admission.Outcome green = Admission.ofSubject(SUBJECT, stored(Colour.GREEN, true));
        assertEquals(Decision.ALLOW, green.decision());
        assertEquals(true, green.shownGold());
        assertEquals("330000", green.province());
        Admission.Outcome unknown = Admission.ofSubject(SUBJECT, null);
        assertEquals(Decision.DENY, unknown.decision());
        assertEquals(DenyReason.NO_COLOUR, unknown.reason());
        assertNull(unknown.shownColour());
        assertEquals(SUBJECT, unknown.subjectId());
    }

    @Test
    void aPaperCodeIsDecidedByTheLatestPrintAndTheColourNow() {
        Clock yesterday = Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC);
        PaperVerification old = paper("111122223333", yesterday);
        CurrentPaper oldIsLatest = new CurrentPaper(SUBJECT, "111122223333", NOW.minus(Duration.ofDays(1)));
        CurrentPaper newerPrint = new CurrentPaper(SUBJECT, "444455556666", NOW.minusSeconds(10));

        Admission.Outcome green = Admission.ofPaper(old, oldIsLatest, stored(Colour.GREEN, false));
        assertEquals(Decision.ALLOW, green.decision());
        assertEquals(Colour.GREEN, green.shownColour());
        assertEquals(Decision.ALLOW, Admission.ofPaper(old, null, stored(Colour.GREEN, false)).decision(),
                "no print known here yet: its event has not arrived");
        assertEquals(DenyReason.COLOUR_RED, Admission.ofPaper(old, oldIsLatest, stored(Colour.RED, false)).reason());

        Admission.Outcome replaced = Admission.ofPaper(old, newerPrint, stored(Colour.GREEN, false));
        assertEquals(DenyReason.PAPER_CODE_REPLACED, replaced.reason());
        assertNull(replaced.shownColour(), "a refused print shows no colour");
        assertEquals(Decision.ALLOW, Admission.ofPaper(paper("444455556666", clock), oldIsLatest,
                stored(Colour.GREEN, false)).decision(), "a print newer than the one known here is good");

        assertEquals(DenyReason.NO_COLOUR, Admission.ofPaper(old, oldIsLatest, null).reason(),
                "a paper code has no colour of its own to fall back on");
        Clock halfAYearAgo = Clock.fixed(NOW.minus(Duration.ofDays(181)), ZoneOffset.UTC);
        assertEquals(DenyReason.EXPIRED, Admission.ofPaper(paper("111122223333", halfAYearAgo), null,
                stored(Colour.GREEN, false)).reason());
        PaperVerification phone = verifier.verifyPaper(new TokenIssuer(zhejiang, "330000", Duration.ofSeconds(180),
                clock).issue(SUBJECT, Colour.GREEN, false).token());
        assertEquals(DenyReason.MALFORMED, Admission.ofPaper(phone, null, stored(Colour.GREEN, false)).reason(),
                "a phone code is no paper code");
    }

    private PaperVerification paper(String paperId, Clock signedAt) {
        return verifier.verifyPaper(new TokenIssuer(zhejiang, "330000", Duration.ofSeconds(180), signedAt)
                .issuePaper(SUBJECT, paperId, Duration.ofDays(180)).token());
    }

    private Verification verify(SigningKey key, String issuer, Colour colour, boolean gold, Clock signedAt) {
        return verifier.verify(new TokenIssuer(key, issuer, Duration.ofSeconds(180), signedAt)
                .issue(SUBJECT, colour, gold).token());
    }

    private static CurrentColour stored(Colour colour, boolean gold) {
        return new CurrentColour(SUBJECT, colour, gold, "330000", NOW.minusSeconds(60));
    }

    private static SigningKey key(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return SigningKey.fromPkcs8(kid, generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
