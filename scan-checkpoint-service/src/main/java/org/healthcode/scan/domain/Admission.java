package org.healthcode.scan.domain;

import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.CodeClaims;
import org.healthcode.kit.code.token.PaperClaims;
import org.healthcode.kit.code.token.PaperVerification;
import org.healthcode.kit.code.token.Verification;

/**
 * The checkpoint rule: ALLOW if and only if the code is valid and its holder is GREEN now. "Now"
 * is the issuing province's current colour: this service's own table (fed by risk-recalculated)
 * for its residents, the home province's answer for a visitor ({@link ColourSource#ISSUER}), which
 * beats a replayed screenshot of an old green code; without either, the colour in the code
 * ({@link ColourSource#TOKEN}). Plain Java.
 */
public final class Admission {

    private Admission() {
    }

    /**
     * What a scanned code decides. {@code current} is the holder's stored colour, or null; it is
     * consulted only for a code whose signature was good.
     */
    public static Outcome ofCode(Verification verification, CurrentColour current) {
        CodeClaims claims = verification.claims();
        if (claims == null) {
            // Nothing of an unchecked code is believed: no subject, no province, no colour.
            return new Outcome(Decision.DENY, DenyReason.of(verification.reason()), null, null, null, null, null);
        }
        Colour colour = current != null ? current.colour() : claims.colour();
        boolean gold = (current != null ? current.gold() : claims.gold()) && colour == Colour.GREEN;
        ColourSource source = current != null ? ColourSource.ISSUER : ColourSource.TOKEN;
        if (!verification.valid()) {
            return new Outcome(Decision.DENY, DenyReason.of(verification.reason()), claims.subjectId(), claims.issuer(),
                    colour, gold, source);
        }
        return byColour(claims.subjectId(), claims.issuer(), colour, gold, source);
    }

    /**
     * A visitor's valid code whose home province could not be asked, under the policy
     * {@link ForeignColourFallback#DENY}: DENY, {@code HOME_PROVINCE_UNREACHABLE}, no colour.
     */
    public static Outcome homeUnreachable(Verification verification) {
        CodeClaims claims = verification.claims();
        return new Outcome(Decision.DENY, DenyReason.HOME_PROVINCE_UNREACHABLE, claims.subjectId(), claims.issuer(),
                null, null, null);
    }

    /**
     * What a scanned paper code decides: verified offline (signature, kind, expiry), then refused if
     * a newer print of the same person is known ({@code latest}, this checkpoint's record of the
     * latest print, or null), then the holder's colour now ({@code current}). A paper code carries
     * no colour, so without a stored colour there is nothing to admit by: NO_COLOUR.
     */
    public static Outcome ofPaper(PaperVerification verification, CurrentPaper latest, CurrentColour current) {
        PaperClaims claims = verification.claims();
        if (claims == null) {
            return new Outcome(Decision.DENY, DenyReason.of(verification.reason()), null, null, null, null, null);
        }
        Colour colour = current == null ? null : current.colour();
        Boolean gold = current == null ? null : current.gold() && colour == Colour.GREEN;
        // the colour is always this province's own (a paper code carries none)
        ColourSource source = current == null ? null : ColourSource.ISSUER;
        if (!verification.valid()) {
            return new Outcome(Decision.DENY, DenyReason.of(verification.reason()), claims.subjectId(), claims.issuer(),
                    colour, gold, source);
        }
        // Only a newer print revokes: a print newer than the one known here is one whose event has
        // not arrived yet.
        if (latest != null && !latest.paperId().equals(claims.paperId())
                && !latest.issuedAt().isBefore(claims.issuedAt())) {
            return new Outcome(Decision.DENY, DenyReason.PAPER_CODE_REPLACED, claims.subjectId(), claims.issuer(),
                    colour, gold, source);
        }
        if (current == null) {
            return new Outcome(Decision.DENY, DenyReason.NO_COLOUR, claims.subjectId(), claims.issuer(), null, null, null);
        }
        return byColour(claims.subjectId(), claims.issuer(), colour, gold, ColourSource.ISSUER);
    }

    /** What a person known only by pseudonym (ID card, poster check-in) decides. */
    public static Outcome ofSubject(String subjectId, CurrentColour current) {
        if (current == null) {
            return new Outcome(Decision.DENY, DenyReason.NO_COLOUR, subjectId, null, null, null, null);
        }
        return byColour(subjectId, current.province(), current.colour(), current.gold() && current.colour() == Colour.GREEN,
                ColourSource.ISSUER);
    }

    /**
     * At a venue whose type no longer requires a code: ALLOW, NOT_REQUIRED, nothing checked.
     * {@code subjectId}: the person the request named (a check-in's companion), or null.
     */
    public static Outcome notRequired(String subjectId) {
        return new Outcome(Decision.ALLOW, DenyReason.NOT_REQUIRED, subjectId, null, null, null, null);
    }

    private static Outcome byColour(String subjectId, String province, Colour colour, boolean gold,
            ColourSource source) {
        return switch (colour) {
            case GREEN -> new Outcome(Decision.ALLOW, null, subjectId, province, colour, gold, source);
            case YELLOW -> new Outcome(Decision.DENY, DenyReason.COLOUR_YELLOW, subjectId, province, colour, gold, source);
            case RED -> new Outcome(Decision.DENY, DenyReason.COLOUR_RED, subjectId, province, colour, gold, source);
        };
    }

    /**
     * A decision and what it rests on. {@code subjectId} and {@code province} (the holder's: the
     * code's issuer, or the province of the stored colour) are known only for an authentic code or
     * a looked-up person; {@code colourAtScan} is the colour the decision used, also for an expired
     * code (for the visit record), while the answer shows it only when the code itself passed;
     * {@code colourSource} says whose word that colour is (null when there is none).
     */
    public record Outcome(Decision decision, DenyReason reason, String subjectId, String province, Colour colourAtScan,
            Boolean goldAtScan, ColourSource colourSource) {

        public Colour shownColour() {
            return reason != null && reason.aboutTheCode() ? null : colourAtScan;
        }

        public Boolean shownGold() {
            return shownColour() == null ? null : goldAtScan;
        }

        public ColourSource shownColourSource() {
            return shownColour() == null ? null : colourSource;
        }
    }
}
