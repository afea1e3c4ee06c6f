package org.healthcode.declaration.domain;

import java.util.Optional;

/** A person's name as written on their document: 1–40 characters, no digits or control characters. */
public final class PersonName {

    private static final int MAX_LENGTH = 40;

    private PersonName() {
    }

    /** The name without surrounding white space, if it is acceptable. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        long length = name.codePointCount(0, name.length());
        boolean clean = name.codePoints().noneMatch(c -> Character.isDigit(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
        return length >= 1 && length <= MAX_LENGTH && clean ? Optional.of(name) : Optional.empty();
    }
}
