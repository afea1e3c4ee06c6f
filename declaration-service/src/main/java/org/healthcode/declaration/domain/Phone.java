package org.healthcode.declaration.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland mobile number, kept as its 11 digits. */
public final class Phone {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private Phone() {
    }

    /** The 11 digits of a mainland mobile number, written with or without +86, spaces or dashes. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
