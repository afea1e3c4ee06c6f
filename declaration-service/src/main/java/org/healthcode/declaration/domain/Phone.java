package org.healthcode.declaration.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number, checked by the holder's document: a resident ID holder gives a mainland mobile
 * number, kept as its 11 digits ({@code +86} dropped); a holder of a passport or a Hong Kong, Macao
 * or Taiwan permit may also give an international number in E.164 ({@code +}, country code and
 * number: 8 to 15 digits, the first not 0), kept as {@code +} and its digits. Digits may be grouped
 * by single spaces or dashes between them ("+86 138-1234-5678"); nothing else is taken.
 */
public final class Phone {

    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9]+(?:[ -][0-9]+)*");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+86)?(1[3-9][0-9]{9})");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private Phone() {
    }

    /** The number as kept, if it is one that a holder of {@code document} may give. */
    public static Optional<String> normalise(String raw, DocumentType document) {
        if (raw == null || !WRITTEN.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        String number = raw.strip().replaceAll("[ -]", "");
        var mobile = MOBILE.matcher(number);
        if (mobile.matches()) {
            return Optional.of(mobile.group(1));
        }
        return document != DocumentType.RESIDENT_ID && E164.matcher(number).matches() ? Optional.of(number)
                : Optional.empty();
    }

    /** What a refusal says the phone of a holder of {@code document} must be. */
    public static String rule(DocumentType document) {
        String mobile = "a mainland mobile number (11 digits starting 13 to 19, optionally after +86)";
        return document == DocumentType.RESIDENT_ID ? "must be " + mobile
                : "must be " + mobile + " or an international number: + and 8 to 15 digits, the first not 0";
    }
}
