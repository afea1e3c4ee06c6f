package org.healthcode.declaration.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;
import org.healthcode.kit.region.Regions;

/**
 * A resident identity number of GB 11643: 6-digit region of issue, birth date, sequence and a
 * check digit. The region prefix is the one valid when the number was issued, so only its
 * province is checked; the check digit is what proves the number well formed.
 */
public final class ResidentId {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    /** Taiwan, Hong Kong, Macao: valid provinces of issue that the GB/T 2260 table does not list. */
    private static final Set<String> PROVINCES_OUTSIDE_TABLE = Set.of("71", "81", "82");
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentId() {
    }

    public static boolean isValid(String number, LocalDate today) {
        return number != null && FORMAT.matcher(number).matches()
                && checkDigit(number.substring(0, 17)) == number.charAt(17)
                && hasKnownProvince(number)
                && hasPlausibleBirthDate(number, today);
    }

    /** The 18th character for the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    private static boolean hasKnownProvince(String number) {
        String province = number.substring(0, 2);
        if (PROVINCES_OUTSIDE_TABLE.contains(province)) {
            return true;
        }
        int code = Integer.parseInt(province);
        return code >= 11 && code <= 65 && Regions.table().isKnown(province + "0000");
    }

    private static boolean hasPlausibleBirthDate(String number, LocalDate today) {
        try {
            LocalDate birth = LocalDate.parse(number.substring(6, 14), BIRTH_DATE);
            return !birth.isBefore(EARLIEST_BIRTH) && !birth.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
