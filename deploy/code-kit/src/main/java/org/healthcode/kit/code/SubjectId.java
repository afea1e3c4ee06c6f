package org.healthcode.kit.code;

import java.util.regex.Pattern;

/**
 * The pseudonymous subject reference: base64url (no padding) of 16 bytes, so 22 characters. Only
 * ids of exactly this shape are stored or signed, which also keeps every token within 250
 * characters and free of anything that would need escaping.
 */
public final class SubjectId {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private SubjectId() {
    }

    public static boolean isValid(String subjectId) {
        return subjectId != null && SHAPE.matcher(subjectId).matches();
    }
}
