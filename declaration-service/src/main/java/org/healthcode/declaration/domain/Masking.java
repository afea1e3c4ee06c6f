package org.healthcode.declaration.domain;

/** The masked forms of identity data: all that anyone outside this service ever sees. */
public final class Masking {

    private Masking() {
    }

    /** "张*", "张*三", "欧**锋": first and last character kept (only the first of a 1–2 character name). */
    public static String name(String name) {
        int[] chars = name.codePoints().toArray();
        if (chars.length <= 2) {
            return new String(chars, 0, 1) + "*";
        }
        return new String(chars, 0, 1) + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
    }

    /** Resident ID "3301**********1234"; other documents keep their first and last two characters. */
    public static String documentNumber(DocumentType type, String number) {
        int kept = type == DocumentType.RESIDENT_ID ? 4 : 2;
        if (number.length() <= 2 * kept) {
            return "*".repeat(number.length());
        }
        return number.substring(0, kept) + "*".repeat(number.length() - 2 * kept)
                + number.substring(number.length() - kept);
    }

    /** "138****5678". */
    public static String phone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
