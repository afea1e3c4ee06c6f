package org.healthcode.kit.code.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one province asks or tells another, signed with the sending province's federation key (listed
 * on the {@link NationalTrustList} as its {@code federationKeys}): a compact JWS, header
 * {@code {"alg":"ES256","kid":<federation kid>,"typ":"hc-federation"}}, payload
 * {@code {"iss":"310000","aud":"330000","iat":…,"exp":…,"jti":"…", …}} plus the message's own claims
 * (a colour request carries {@code token}, the scanned code). Lifetime at most {@link #MAX_LIFETIME}.
 * No bilateral credentials: whoever holds the national list knows every province's federation keys.
 */
public final class FederationMessage {

    /** The JWS header's {@code typ}: a federation message is neither a code nor a trust list. */
    public static final String TYPE = "hc-federation";

    /** The longest a message is good for ({@code exp - iat}). */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    /** Clock difference tolerated between the two provinces for {@code iat} and {@code exp}. */
    public static final Duration SKEW = Duration.ofSeconds(30);

    /** A message is small: a code and a few claims. */
    public static final int MAX_BYTES = 8 * 1024;

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}0000");
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private FederationMessage() {
    }

    /** A verified message: who sent it to whom, when, its id, and its whole payload. */
    public record Verified(String issuer, String audience, Instant issuedAt, Instant expiresAt, String id,
            String kid, JsonNode payload) {

        /** A text claim of the message, or null. */
        public String text(String claim) {
            return payload.path(claim).textValue();
        }
    }

    /** Why a message was refused; the message says which check failed, never what it carries. */
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

    /** The check a refused message failed, in the order they are made. */
    public enum Reason {
        /** Not a compact ES256 JWS of type {@code hc-federation} with the required claims. */
        MALFORMED,
        /** Its {@code iss} is not a province of the national list held. */
        UNKNOWN_PROVINCE,
        /** Its {@code kid} is not a federation key of that province. */
        UNKNOWN_KEY,
        /** The key did not sign it as it is. */
        SIGNATURE_INVALID,
        /** The key is revoked, or the message was signed outside the key's window. */
        KEY_NOT_VALID,
        /** Addressed to another province. */
        WRONG_AUDIENCE,
        /** Expired, issued in the future, or with a lifetime over {@link #MAX_LIFETIME}. */
        EXPIRED
    }

    /**
     * Signs a message from {@code issuer} to {@code audience}, good for {@code lifetime} (at most
     * {@link #MAX_LIFETIME}) from now; {@code claims} are the message's own (text values).
     */
    public static String sign(SigningKey key, String issuer, String audience, String id, Map<String, String> claims,
            Duration lifetime, Clock clock) {
        if (issuer == null || !PROVINCE.matcher(issuer).matches() || audience == null
                || !PROVINCE.matcher(audience).matches()) {
            throw new IllegalArgumentException("issuer and audience are province codes such as 330000");
        }
        if (id == null || !JTI.matcher(id).matches()) {
            throw new IllegalArgumentException("a message id is 1 to 64 of A-Z a-z 0-9 . _ ~ -");
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a message lives 1 to " + MAX_LIFETIME.toSeconds() + " seconds");
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode payload = JSON.createObjectNode().put("iss", issuer).put("aud", audience).put("iat", now)
                .put("exp", now + lifetime.toSeconds()).put("jti", id);
        claims.forEach((name, value) -> {
            if (payload.has(name)) {
                throw new IllegalArgumentException("claim " + name + " is set by the message itself");
            }
            payload.put(name, value);
        });
        ObjectNode header = JSON.createObjectNode().put("alg", Es256.JWS_ALGORITHM).put("kid", key.kid())
                .put("typ", TYPE);
        String signingInput = BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The message, when a federation key the national list gives its {@code iss} signed it, that key
     * is not revoked and covers its {@code iat}, it is addressed to {@code ownProvince}, and it is
     * within its lifetime by {@code clock} (give or take {@link #SKEW}).
     */
    public static Verified verify(String jws, NationalTrustList list, String ownProvince, Clock clock)
            throws Refused {
        if (jws == null || jws.isEmpty() || jws.length() > MAX_BYTES) {
            throw new Refused(Reason.MALFORMED, "not a federation message");
        }
        String[] parts = jws.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused(Reason.MALFORMED, "not a compact JWS");
        }
        JsonNode header = json(parts[0]);
        JsonNode payload = json(parts[1]);
        byte[] signature = bytes(parts[2]);
        if (header == null || payload == null || signature == null || header.has("crit")) {
            throw new Refused(Reason.MALFORMED, "not a compact JWS");
        }
        if (!Es256.JWS_ALGORITHM.equals(header.path("alg").textValue()) || !TYPE.equals(header.path("typ").textValue())
                || !header.path("kid").isTextual()) {
            throw new Refused(Reason.MALFORMED, "not an ES256 federation message (alg, typ, kid)");
        }
        String issuer = payload.path("iss").textValue();
        String audience = payload.path("aud").textValue();
        String id = payload.path("jti").textValue();
        if (issuer == null || audience == null || id == null || !JTI.matcher(id).matches()
                || !payload.path("iat").canConvertToLong() || !payload.path("iat").isIntegralNumber()
                || !payload.path("exp").canConvertToLong() || !payload.path("exp").isIntegralNumber()) {
            throw new Refused(Reason.MALFORMED, "iss, aud, iat, exp and jti are required");
        }
        NationalTrustList.Province sender = list == null ? null : list.province(issuer);
        if (sender == null) {
            throw new Refused(Reason.UNKNOWN_PROVINCE, "the sender is not a province of the national trust list");
        }
        String kid = header.path("kid").textValue();
        NationalTrustList.ListedKey key = sender.findFederationKey(kid);
        if (key == null) {
            throw new Refused(Reason.UNKNOWN_KEY, "the key is not a federation key of the sender");
        }
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!key.key().verifies(signingInput, signature)) {
            throw new Refused(Reason.SIGNATURE_INVALID, "the sender's signature does not verify");
        }
        Instant issuedAt = Instant.ofEpochSecond(payload.path("iat").longValue());
        Instant expiresAt = Instant.ofEpochSecond(payload.path("exp").longValue());
        if (key.validity().status() == KeyStatus.REVOKED || !key.validity().covers(issuedAt)) {
            throw new Refused(Reason.KEY_NOT_VALID, "the federation key is revoked or outside its window");
        }
        if (!audience.equals(ownProvince)) {
            throw new Refused(Reason.WRONG_AUDIENCE, "the message is addressed to another province");
        }
        Instant now = clock.instant();
        if (expiresAt.isBefore(issuedAt) || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0
                || issuedAt.isAfter(now.plus(SKEW)) || now.isAfter(expiresAt.plus(SKEW))) {
            throw new Refused(Reason.EXPIRED, "the message is expired, not yet valid, or lives over "
                    + MAX_LIFETIME.toSeconds() + " s");
        }
        return new Verified(issuer, audience, issuedAt, expiresAt, id, kid, payload);
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
