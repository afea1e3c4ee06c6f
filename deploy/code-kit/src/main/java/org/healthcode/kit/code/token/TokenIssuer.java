package org.healthcode.kit.code.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;

/**
 * Signs code tokens: JWS compact serialisation (RFC 7515), ES256, header
 * {@code {"alg":"ES256","kid":…}} and payload
 * {@code {"iss":province,"sub":subjectId,"c":"G|Y|R","g":1 (only when gold),"iat":…,"exp":…}}.
 *
 * <p>Claim names are one letter where JWT has no registered name, and the kid is at most two
 * characters: that is what keeps the longest token (gold, 10-digit times) at exactly 250
 * characters, a version-11 QR at level M, with {@code iat} in it.
 */
public final class TokenIssuer {

    /**
     * The JWS {@code typ} of a paper code. A paper code has no colour claim and a {@code pid} (the
     * print's reference number) instead: {@code {"iss","sub","pid","iat","exp"}}. A phone code has no
     * {@code typ}; each verifier refuses the other kind.
     */
    public static final String PAPER_TYPE = "hc-paper";

    /** A paper code's reference number: 12 digits. */
    public static final Pattern PAPER_ID = Pattern.compile("[0-9]{12}");

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{6}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Signer current;
    /** The key that takes over at {@link #switchAt} (epoch seconds), or null: a rotation set ahead. */
    private final Signer next;
    private final long switchAt;
    private final String issuer;
    private final long ttlSeconds;
    private final Clock clock;

    /** One key with the two headers it signs under (phone code, paper code), encoded once. */
    private record Signer(SigningKey key, String header, String paperHeader) {

        static Signer of(SigningKey key) {
            return new Signer(key, base64Url("{\"alg\":\"" + Es256.JWS_ALGORITHM + "\",\"kid\":\"" + key.kid() + "\"}"),
                    base64Url("{\"alg\":\"" + Es256.JWS_ALGORITHM + "\",\"kid\":\"" + key.kid() + "\",\"typ\":\""
                            + PAPER_TYPE + "\"}"));
        }
    }

    public TokenIssuer(SigningKey key, String issuer, Duration ttl, Clock clock) {
        this(key, null, null, issuer, ttl, clock);
    }

    /**
     * Signs with {@code key} until {@code switchAt}, then with {@code next}: a rotation set ahead, so
     * that the switch falls on the second the national trust list names (the old key's
     * {@code notAfter}, the new one's {@code notBefore}), with no restart. A code's {@code iat}
     * decides which key signs it, so a code issued at {@code switchAt} or later is never signed
     * by the old key. {@code next} and {@code switchAt} are both null or both set.
     */
    public TokenIssuer(SigningKey key, SigningKey next, Instant switchAt, String issuer, Duration ttl, Clock clock) {
        if (issuer == null || !PROVINCE.matcher(issuer).matches()) {
            throw new IllegalArgumentException("the issuer must be a six-digit province code");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the token time-to-live must be positive");
        }
        if ((next == null) != (switchAt == null)) {
            throw new IllegalArgumentException("a key switch needs both the next key and the time it takes over");
        }
        this.current = Signer.of(key);
        this.next = next == null ? null : Signer.of(next);
        this.switchAt = switchAt == null ? Long.MAX_VALUE : switchAt.getEpochSecond();
        this.issuer = issuer;
        this.ttlSeconds = ttl.toSeconds();
        this.clock = clock;
    }

    /** The key id that signs a code issued now. */
    public String signingKid() {
        return signerAt(clock.instant().getEpochSecond()).key().kid();
    }

    private Signer signerAt(long issuedAt) {
        return issuedAt >= switchAt ? next : current;
    }

    public IssuedToken issue(String subjectId, Colour colour, boolean gold) {
        long issuedAt = clock.instant().getEpochSecond();
        long expiresAt = issuedAt + ttlSeconds;
        return new IssuedToken(sign(subjectId, colour, gold, issuedAt, expiresAt), Instant.ofEpochSecond(expiresAt));
    }

    /** A token with explicit issue and expiry times (seconds since the epoch). */
    public String sign(String subjectId, Colour colour, boolean gold, long issuedAt, long expiresAt) {
        if (!SubjectId.isValid(subjectId)) {
            throw new IllegalArgumentException("not a pseudonymous subject id");
        }
        if (issuedAt < 0 || expiresAt < issuedAt) {
            throw new IllegalArgumentException("a token expires after it is issued");
        }
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subjectId + "\",\"c\":\"" + colour.letter() + "\""
                + (gold ? ",\"g\":1" : "") + ",\"iat\":" + issuedAt + ",\"exp\":" + expiresAt + "}";
        Signer signer = signerAt(issuedAt);
        String signingInput = signer.header() + "." + base64Url(payload);
        byte[] signature = signer.key().sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    /** A paper code for {@code subjectId}, reference {@code paperId}, accepted for {@code validity} from now. */
    public IssuedToken issuePaper(String subjectId, String paperId, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a paper code's validity must be positive");
        }
        long issuedAt = clock.instant().getEpochSecond();
        long expiresAt = issuedAt + validity.toSeconds();
        return new IssuedToken(signPaper(subjectId, paperId, issuedAt, expiresAt), Instant.ofEpochSecond(expiresAt));
    }

    /** A paper code with explicit issue and expiry times (seconds since the epoch). */
    public String signPaper(String subjectId, String paperId, long issuedAt, long expiresAt) {
        if (!SubjectId.isValid(subjectId)) {
            throw new IllegalArgumentException("not a pseudonymous subject id");
        }
        if (paperId == null || !PAPER_ID.matcher(paperId).matches()) {
            throw new IllegalArgumentException("a paper code's reference is 12 digits");
        }
        if (issuedAt < 0 || expiresAt < issuedAt) {
            throw new IllegalArgumentException("a token expires after it is issued");
        }
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subjectId + "\",\"pid\":\"" + paperId
                + "\",\"iat\":" + issuedAt + ",\"exp\":" + expiresAt + "}";
        Signer signer = signerAt(issuedAt);
        String signingInput = signer.paperHeader() + "." + base64Url(payload);
        byte[] signature = signer.key().sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static String base64Url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
