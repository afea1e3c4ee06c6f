package org.healthcode.kit.code;

/** The colour of a health code; in a token it is one letter (claim {@code c}). */
public enum Colour {
    GREEN('G'), YELLOW('Y'), RED('R');

    private final char letter;

    Colour(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The colour a token letter stands for, or null for any other text. */
    public static Colour ofLetter(String text) {
        if (text == null || text.length() != 1) {
            return null;
        }
        for (Colour colour : values()) {
            if (colour.letter == text.charAt(0)) {
                return colour;
            }
        }
        return null;
    }
}
