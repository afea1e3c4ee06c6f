package org.healthcode.kit.code.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The national trust anchor's public key, pinned in a checkpoint's configuration: the one key that
 * may sign a {@link NationalTrustList}. {@link #verify} accepts a list only when that key signed it
 * exactly as it is; {@link #update} also refuses a list older than the one held, so that a replayed
 * old list cannot bring a revoked key back.
 */
public final class TrustAnchor {

    /** A national list of a few hundred keys is some hundred kilobytes; anything far larger is not one. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerificationKey key;

    public TrustAnchor(VerificationKey key) {
        if (key == null) {
            throw new IllegalArgumentException("a trust anchor is a public key");
        }
        this.key = key;
    }

    public VerificationKey key() {
        return key;
    }

    /** Why a list was refused; the message says which check failed, never what the document holds. */
    public static final class Refused extends Exception {

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The check a refused list failed. */
    public enum Reason {
        /** Not a compact JWS of a trust list, or too large. */
        MALFORMED,
        /** Not signed by the pinned anchor (another key, or changed after signing). */
        BAD_SIGNATURE,
        /** Signed, but its content is not a valid trust list. */
        INVALID,
        /** A lower version than the list held: a replay, or the hub went back. */
        OLDER_VERSION
    }

    /** The list the JWS carries, when the anchor signed it. */
    public NationalTrustList verify(String jws) throws Refused {
        if (jws == null || jws.length() > MAX_BYTES) {
            throw new Refused(Reason.MALFORMED, "not a signed trust list");
        }
        String[] parts = jws.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused(Reason.MALFORMED, "not a compact JWS");
        }
        JsonNode header = json(parts[0]);
        byte[] signature = bytes(parts[2]);
        byte[] payload = bytes(parts[1]);
        if (header == null || signature == null || payload == null || header.has("crit")) {
            throw new Refused(Reason.MALFORMED, "not a compact JWS");
        }
        if (!Es256.JWS_ALGORITHM.equals(header.path("alg").textValue())
                || !NationalTrustList.TYPE.equals(header.path("typ").textValue())) {
            throw new Refused(Reason.MALFORMED, "not an ES256 trust list (alg, typ)");
        }
        if (!key.kid().equals(header.path("kid").textValue())) {
            throw new Refused(Reason.BAD_SIGNATURE, "signed by another key than the pinned anchor");
        }
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!key.verifies(signingInput, signature)) {
            throw new Refused(Reason.BAD_SIGNATURE, "the anchor's signature does not verify");
        }
        try {
            return NationalTrustList.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.INVALID, e.getMessage());
        }
    }

    /**
     * The list to hold after fetching {@code jws} while holding {@code held} (null: none yet): the
     * new list when its version is higher, {@code held} when it is the same version.
     *
     * @throws Refused when the anchor did not sign it, or it is older than {@code held}
     */
    public NationalTrustList update(NationalTrustList held, String jws) throws Refused {
        NationalTrustList offered = verify(jws);
        if (held == null || offered.version() > held.version()) {
            return offered;
        }
        if (offered.version() < held.version()) {
            throw new Refused(Reason.OLDER_VERSION, "version " + offered.version() + " is older than version "
                    + held.version() + " held");
        }
        return held;
    }

    private static JsonNode json(String part) {
        byte[] bytes = bytes(part);
        try {
            JsonNode node = bytes == null ? null : JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(String part) {
        try {
            return part.indexOf('=') >= 0 ? null : Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
