package org.healthcode.declaration.domain;

/**
 * The unified social credit code of an organisation (GB 32100-2015): 18 characters from 0–9 and the
 * capitals without I, O, Z, S and V. Position 1 is the registering authority, 2 the organisation's
 * type, 3–8 the administrative region of registration (GB/T 2260), 9–17 the organisation code, and 18
 * a check character: 31 minus the weighted sum of the first 17 (weights 3^i mod 31) mod 31.
 */
public final class Uscc {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** Why {@code code} is not a unified social credit code, or null when it is one. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "may hold only 0-9 and capital letters other than I, O, Z, S and V";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "characters 3 to 8 must be the region code of registration";
            }
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return "has a wrong check character";
        }
        return null;
    }

    /** The check character of the first 17 characters (which must be from {@link #ALPHABET}). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The province (GB/T 2260, {@code NN0000}) of a valid code's region of registration. */
    public static String province(String code) {
        return code.substring(2, 4) + "0000";
    }
}
