package org.healthcode.kit.code.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;

/**
 * Checks a code token offline: needs only a trust list (issuer province → public keys), a clock
 * and the expiry leeway (at most {@link #MAX_LEEWAY}); no service. Checks, in order: shape,
 * {@code alg} (only ES256), payload, issuer on the trust list, key id known for that issuer,
 * signature, the key's status (not revoked) and window (the code's {@code iat} inside it, see
 * {@link KeyValidity}), expiry. The claims are reported only once the signature is good (for a valid or an
 * expired token), never for a forgery or a token no trusted key could check.
 *
 * <p><b>Expiry.</b> A token is accepted up to and including the instant {@code exp + leeway} by the
 * verifier's {@link Clock}, compared to the nanosecond; one moment later it is
 * {@link Rejection#EXPIRED}. There is no other tolerance. {@code iat} is read and reported, not
 * checked against the clock, only against the signing key's window.
 *
 * <p><b>A token string is not an identity.</b> ECDSA signatures are malleable: when (r, s) is a
 * valid signature, so is (r, n − s), and the issuer's signatures are not normalised to one of the
 * two. The same claims therefore have (at least) two valid token strings, and anyone holding one
 * can make the other. Nothing may key, cache, count or deduplicate on the token string or its
 * signature; use the verified {@link CodeClaims} instead (issuer, subject, issue time).
 */
public final class TokenVerifier {

    /** Far above any real token; refuses to spend work on large inputs. */
    static final int MAX_TOKEN_LENGTH = 1024;

    /** 9999-12-31T23:59:59Z; a later time is not a real one. */
    private static final long LATEST_TIME = 253_402_300_799L;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * The most a verifier tolerates after a token's {@code exp}, and the leeway of
     * {@link #TokenVerifier(TrustList, Clock)}: 30 seconds. {@code exp} is set by the issuing
     * province's clock and checked against the checkpoint's (a phone or a scanner), and the two are
     * never quite in step: a device that takes its time from the network is typically a few seconds
     * off, and 30 s also covers one that has been offline and drifting for some days. Much more
     * would defeat the purpose of a short-lived code: against the issuer's default 180 s lifetime,
     * 30 s already lets a screenshot pass for a sixth longer than its life. A clock that is further
     * off needs fixing, not a longer leeway.
     */
    public static final Duration MAX_LEEWAY = Duration.ofSeconds(30);

    private final TrustList trustList;
    private final Duration leeway;
    private final Clock clock;

    /** A verifier with the full {@link #MAX_LEEWAY} after expiry. */
    public TokenVerifier(TrustList trustList, Clock clock) {
        this(trustList, MAX_LEEWAY, clock);
    }

    /**
     * A verifier that accepts a token until {@code leeway} after its {@code exp}.
     *
     * @throws IllegalArgumentException for a leeway that is negative or more than {@link #MAX_LEEWAY}
     */
    public TokenVerifier(TrustList trustList, Duration leeway, Clock clock) {
        if (leeway == null || leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException("the expiry leeway must be between 0 and " + MAX_LEEWAY.toSeconds()
                    + " seconds");
        }
        this.trustList = trustList;
        this.leeway = leeway;
        this.clock = clock;
    }

    /** How long after its {@code exp} a token is still accepted. */
    public Duration leeway() {
        return leeway;
    }

    public TrustList trustList() {
        return trustList;
    }

    public Verification verify(String token) {
        Checked<CodeClaims> checked = check(token, false, TokenVerifier::claims);
        return new Verification(checked.reason(), checked.claims());
    }

    /**
     * Checks a paper code (JWS {@code typ} {@link TokenIssuer#PAPER_TYPE}) with the same steps as
     * {@link #verify}; a phone code is {@link Rejection#MALFORMED} here, as a paper code is there.
     * Whether this print is still the holder's current one is not known offline: the checkpoint
     * asks its own record of the latest print.
     */
    public PaperVerification verifyPaper(String token) {
        Checked<PaperClaims> checked = check(token, true, TokenVerifier::paperClaims);
        return new PaperVerification(checked.reason(), checked.claims());
    }

    /**
     * Whether the token says it is a paper code (its header's {@code typ}); nothing is verified, it
     * only tells which check to run.
     */
    public static boolean looksLikePaper(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        int headerEnd = token.indexOf('.');
        if (headerEnd <= 0) {
            return false;
        }
        JsonNode header = decodeObject(token.substring(0, headerEnd));
        return header != null && TokenIssuer.PAPER_TYPE.equals(header.path("typ").textValue());
    }

    private record Checked<C>(Rejection reason, C claims) {
    }

    private <C extends SignedClaims> Checked<C> check(String token, boolean paper,
            java.util.function.Function<JsonNode, C> readClaims) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.indexOf('=') >= 0) {
            return new Checked<>(Rejection.MALFORMED, null);
        }
        int headerEnd = token.indexOf('.');
        int payloadEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
        if (headerEnd <= 0 || payloadEnd < 0 || token.indexOf('.', payloadEnd + 1) >= 0) {
            return new Checked<>(Rejection.MALFORMED, null);
        }
        JsonNode header = decodeObject(token.substring(0, headerEnd));
        byte[] signature = decode(token.substring(payloadEnd + 1));
        if (header == null || header.has("crit") || signature == null) {
            return new Checked<>(Rejection.MALFORMED, null);
        }
        // A paper code's typ is exactly hc-paper, a phone code's anything else (it sets none): one
        // kind never passes for the other.
        if (paper != TokenIssuer.PAPER_TYPE.equals(header.path("typ").textValue())) {
            return new Checked<>(Rejection.MALFORMED, null);
        }
        if (!Es256.JWS_ALGORITHM.equals(header.path("alg").textValue())) {
            return new Checked<>(Rejection.ALGORITHM_NOT_ALLOWED, null);
        }
        C claims = readClaims.apply(decodeObject(token.substring(headerEnd + 1, payloadEnd)));
        if (claims == null) {
            return new Checked<>(Rejection.MALFORMED, null);
        }
        VerificationKeys issuerKeys = trustList.keysOf(claims.issuer());
        if (issuerKeys == null) {
            return new Checked<>(Rejection.UNTRUSTED_ISSUER, null);
        }
        VerificationKey key = issuerKeys.find(header.path("kid").textValue());
        if (key == null) {
            return new Checked<>(Rejection.UNKNOWN_KEY, null);
        }
        byte[] signingInput = token.substring(0, payloadEnd).getBytes(StandardCharsets.US_ASCII);
        if (!key.verifies(signingInput, signature)) {
            return new Checked<>(Rejection.BAD_SIGNATURE, null);
        }
        // A revoked key may be in anyone's hands: what it signed says nothing, so no claims either.
        if (key.validity().status() == KeyStatus.REVOKED) {
            return new Checked<>(Rejection.REVOKED_KEY, null);
        }
        if (!key.validity().covers(claims.issuedAt())) {
            return new Checked<>(Rejection.OUTSIDE_KEY_WINDOW, null);
        }
        // Exact instants: "now" is not rounded down to its second, which let a token through for
        // up to a second more than the leeway.
        if (clock.instant().isAfter(claims.expiresAt().plus(leeway))) {
            return new Checked<>(Rejection.EXPIRED, claims);
        }
        return new Checked<>(null, claims);
    }

    private static PaperClaims paperClaims(JsonNode payload) {
        if (payload == null || payload.has("c") || payload.has("g")) {
            return null;
        }
        String issuer = payload.path("iss").textValue();
        String subject = payload.path("sub").textValue();
        String paperId = payload.path("pid").textValue();
        long issuedAt = time(payload.path("iat"));
        long expiresAt = time(payload.path("exp"));
        if (issuer == null || !SubjectId.isValid(subject) || paperId == null
                || !TokenIssuer.PAPER_ID.matcher(paperId).matches() || issuedAt < 0 || expiresAt < issuedAt) {
            return null;
        }
        return new PaperClaims(issuer, subject, paperId, Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt));
    }

    private static CodeClaims claims(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode gold = payload.path("g");
        Colour colour = Colour.ofLetter(payload.path("c").textValue());
        String issuer = payload.path("iss").textValue();
        String subject = payload.path("sub").textValue();
        long issuedAt = time(payload.path("iat"));
        long expiresAt = time(payload.path("exp"));
        // "g" is present only for a gold code, and then it is 1.
        boolean goldMark = !gold.isMissingNode();
        if (issuer == null || !SubjectId.isValid(subject) || colour == null || issuedAt < 0 || expiresAt < issuedAt
                || (goldMark && !(gold.isIntegralNumber() && gold.canConvertToInt() && gold.intValue() == 1))) {
            return null;
        }
        return new CodeClaims(issuer, subject, colour, goldMark, Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt));
    }

    /** Seconds since the epoch, or -1 when the claim is not such a number. */
    private static long time(JsonNode claim) {
        if (!claim.isIntegralNumber() || !claim.canConvertToLong() || claim.longValue() < 0
                || claim.longValue() > LATEST_TIME) {
            return -1;
        }
        return claim.longValue();
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
