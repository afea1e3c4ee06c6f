package org.healthcode.declaration.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The identity documents a person can register with, each checked by its own format. */
public enum DocumentType {

    RESIDENT_ID {
        @Override
        public boolean isWellFormed(String number, LocalDate today) {
            return ResidentId.isValid(number, today);
        }
    },
    PASSPORT {
        private final Pattern format = Pattern.compile("[A-Z0-9]{5,17}");

        @Override
        public boolean isWellFormed(String number, LocalDate today) {
            return format.matcher(number).matches() && number.chars().anyMatch(Character::isDigit);
        }
    },
    /** Mainland permit to Hong Kong/Macao (C…) or the home-return permit of their residents (H…, M…). */
    HK_MACAO_PERMIT {
        private final Pattern format = Pattern.compile("C[0-9]{8}|C[A-Z][0-9]{7}|[HM][0-9]{8}|[HM][0-9]{10}");

        @Override
        public boolean isWellFormed(String number, LocalDate today) {
            return format.matcher(number).matches();
        }
    },
    TAIWAN_PERMIT {
        private final Pattern format = Pattern.compile("[0-9]{8}|[0-9]{10}|[LT][0-9]{8}");

        @Override
        public boolean isWellFormed(String number, LocalDate today) {
            return format.matcher(number).matches();
        }
    };

    /** Whether a number, already {@link #normalise normalised}, has this document's format. */
    public abstract boolean isWellFormed(String number, LocalDate today);

    /** Upper case, no white space: the form that is validated, hashed and stored. */
    public static String normalise(String number) {
        return number.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }
}
