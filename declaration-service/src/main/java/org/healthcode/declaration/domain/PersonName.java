package org.healthcode.declaration.domain;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's name as written on their document: Chinese characters (CJK ideographs) and Latin
 * letters, accents included, in words joined by a single space, middle dot, hyphen or apostrophe
 * ("张三", "买买提·艾力", "Anna Müller", "Jean-Luc O'Neil"); 1 to {@value #MAX_LENGTH} characters.
 * No digits, symbols, emoji, control or format characters, and no lone surrogate halves.
 * <p>
 * Kept in NFC, so that "é" typed as e + combining accent is the same name as "é"; the middle dots
 * that input methods produce (・ U+30FB, ･ U+FF65, ‧ U+2027) are kept as the · (U+00B7) of the
 * Chinese convention for transliterated names, a typographic apostrophe (’) and hyphen (‐) as ' and -,
 * and an ideographic space (U+3000) or a run of spaces as one space.
 */
public final class PersonName {

    static final int MAX_LENGTH = 50;

    /** A letter: a Han ideograph, or a Latin letter with at most two combining marks left after NFC. */
    private static final String LETTER = "(?:[\\p{IsHan}&&\\p{L}]|[\\p{IsLatin}&&\\p{L}]\\p{M}{0,2})";
    private static final Pattern NAME = Pattern.compile(LETTER + "+(?:[ ·'-]" + LETTER + "+)*");
    private static final Pattern SPACES = Pattern.compile("[ \u3000]+");
    private static final Pattern DOTS = Pattern.compile("[\u30FB\uFF65\u2027]");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u02BC]");
    private static final Pattern HYPHENS = Pattern.compile("[\u2010\u2011]");

    private PersonName() {
    }

    /** The name in its kept form, if it is one. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        name = SPACES.matcher(name).replaceAll(" ");
        name = DOTS.matcher(name).replaceAll("·");
        name = APOSTROPHES.matcher(name).replaceAll("'");
        name = HYPHENS.matcher(name).replaceAll("-");
        int length = name.codePointCount(0, name.length());
        return length <= MAX_LENGTH && NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
