package org.healthcode.declaration.domain;

import java.util.Optional;

/**
 * Text a person types (an appeal's reason, the authority's note): surrounding white space dropped,
 * line breaks and tabs allowed, no other control characters, a bounded number of characters
 * (code points, so that a Chinese character or an emoji counts as one).
 */
public final class FreeText {

    private FreeText() {
    }

    public static Optional<String> normalise(String raw, int maxLength) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        long length = text.codePointCount(0, text.length());
        boolean clean = text.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        return length >= 1 && length <= maxLength && clean ? Optional.of(text) : Optional.empty();
    }
}
