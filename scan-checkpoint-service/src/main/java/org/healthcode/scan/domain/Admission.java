package org.healthcode.scan.domain;

import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.CodeClaims;
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
