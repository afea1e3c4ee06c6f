package org.healthcode.codeissuer.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.healthcode.codeissuer.domain.Colour;

/**
 * Checks a code token offline: needs only public keys, the trusted issuer and a clock, no
 * service. Checks, in order: shape, {@code alg} (only ES256), key id, signature, issuer, expiry.
 */
public final class TokenVerifier {

    /** Far above any real token; refuses to spend work on large inputs. */
    static final int MAX_TOKEN_LENGTH = 1024;

    /** 9999-12-31T23:59:59Z; a later expiry is not a real one. */
    private static final long LATEST_EXPIRY = 253_402_300_799L;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final VerificationKeys keys;
    private final String trustedIssuer;
    private final long skewSeconds;
    private final Clock clock;

    public TokenVerifier(VerificationKeys keys, String trustedIssuer, Duration allowedSkew, Clock clock) {
        this.keys = keys;
        this.trustedIssuer = trustedIssuer;
        this.skewSeconds = allowedSkew.toSeconds();
        this.clock = clock;
    }

    public Verification verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.indexOf('=') >= 0) {
            return Verification.rejected(Rejection.MALFORMED);
        }
        int headerEnd = token.indexOf('.');
        int payloadEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
        if (headerEnd <= 0 || payloadEnd < 0 || token.indexOf('.', payloadEnd + 1) >= 0) {
            return Verification.rejected(Rejection.MALFORMED);
        }
        JsonNode header = decodeObject(token.substring(0, headerEnd));
        if (header == null || header.has("crit")) {
            return Verification.rejected(Rejection.MALFORMED);
        }
        if (!Es256.JWS_ALGORITHM.equals(header.path("alg").textValue())) {
            return Verification.rejected(Rejection.ALGORITHM_NOT_ALLOWED);
        }
        VerificationKey key = keys.find(header.path("kid").textValue());
        if (key == null) {
            return Verification.rejected(Rejection.UNKNOWN_KEY);
        }
        byte[] signature = decode(token.substring(payloadEnd + 1));
        if (signature == null) {
            return Verification.rejected(Rejection.MALFORMED);
        }
        byte[] signingInput = token.substring(0, payloadEnd).getBytes(StandardCharsets.US_ASCII);
        if (!key.verifies(signingInput, signature)) {
            return Verification.rejected(Rejection.BAD_SIGNATURE);
        }
        CodeClaims claims = claims(decodeObject(token.substring(headerEnd + 1, payloadEnd)));
        if (claims == null) {
            return Verification.rejected(Rejection.MALFORMED);
        }
        if (!trustedIssuer.equals(claims.issuer())) {
            return Verification.rejected(Rejection.UNTRUSTED_ISSUER, claims);
        }
        if (clock.instant().getEpochSecond() > claims.expiresAt().getEpochSecond() + skewSeconds) {
            return Verification.rejected(Rejection.EXPIRED, claims);
        }
        return Verification.accepted(claims);
    }

    private static CodeClaims claims(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode gold = payload.path("gold");
        JsonNode exp = payload.path("exp");
        Colour colour = Colour.ofLetter(payload.path("col").textValue());
        String issuer = payload.path("iss").textValue();
        String subject = payload.path("sub").textValue();
        if (issuer == null || subject == null || colour == null || !exp.isIntegralNumber() || !exp.canConvertToLong()
                || exp.longValue() < 0 || exp.longValue() > LATEST_EXPIRY || !(gold.isMissingNode() || gold.isBoolean())) {
            return null;
        }
        return new CodeClaims(issuer, subject, colour, gold.asBoolean(false), Instant.ofEpochSecond(exp.longValue()));
    }

    private static JsonNode decodeObject(String part) {
        byte[] bytes = decode(part);
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
