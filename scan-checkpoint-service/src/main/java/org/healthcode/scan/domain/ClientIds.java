package org.healthcode.scan.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids a client chooses (scanId, checkinId), and the fingerprint of a request that tells a retry
 * (same request, same id) from a reuse of the id for something else.
 */
public final class ClientIds {

    /** URL-unreserved characters, so an id travels anywhere unescaped; ':' stays free as a separator. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    public static final String SHAPE_PROBLEM = "must be 1 to 64 letters, digits, '.', '_', '~' or '-'";

    private ClientIds() {
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    /** The scan id of one person's visit in a poster check-in: each person is one visit. */
    public static String checkinScanId(String checkinId, String subjectId) {
        return checkinId + ":" + subjectId;
    }

    /** SHA-256 (hex) of the request's parts; the token itself is never stored. */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                sha.update((byte) (bytes.length >>> 24));
                sha.update((byte) (bytes.length >>> 16));
                sha.update((byte) (bytes.length >>> 8));
                sha.update((byte) bytes.length);
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
