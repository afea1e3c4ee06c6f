package org.healthcode.codeissuer.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.healthcode.codeissuer.domain.Colour;
import org.healthcode.codeissuer.domain.SubjectId;

/**
 * Signs code tokens: JWS compact serialisation (RFC 7515), ES256, header
 * {@code {"alg":"ES256","kid":…}}, payload {@code {"iss","sub","col","gold" (only when true),"exp"}}.
 *
 * <p>No {@code iat}: with it a gold token is 264 characters and needs a version-12 QR; without it
 * the worst case is 241. It carries nothing a verifier needs ({@code exp} minus the published
 * time-to-live).
 */
public final class TokenIssuer {

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{6}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key;
    private final String issuer;
    private final long ttlSeconds;
    private final Clock clock;
    private final String encodedHeader;

    public TokenIssuer(SigningKey key, String issuer, Duration ttl, Clock clock) {
        if (issuer == null || !PROVINCE.matcher(issuer).matches()) {
            throw new IllegalArgumentException("the issuer must be a six-digit province code");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the token time-to-live must be positive");
        }
        this.key = key;
        this.issuer = issuer;
        this.ttlSeconds = ttl.toSeconds();
        this.clock = clock;
        this.encodedHeader = base64Url("{\"alg\":\"" + Es256.JWS_ALGORITHM + "\",\"kid\":\"" + key.kid() + "\"}");
    }

    public IssuedToken issue(String subjectId, Colour colour, boolean gold) {
        long expiresAt = clock.instant().getEpochSecond() + ttlSeconds;
        return new IssuedToken(sign(subjectId, colour, gold, expiresAt), Instant.ofEpochSecond(expiresAt));
    }

    /** A token with an explicit expiry (seconds since the epoch). */
    public String sign(String subjectId, Colour colour, boolean gold, long expiresAt) {
        if (!SubjectId.isValid(subjectId)) {
            throw new IllegalArgumentException("not a pseudonymous subject id");
        }
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subjectId + "\",\"col\":\"" + colour.letter() + "\""
                + (gold ? ",\"gold\":true" : "") + ",\"exp\":" + expiresAt + "}";
        String signingInput = encodedHeader + "." + base64Url(payload);
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static String base64Url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
