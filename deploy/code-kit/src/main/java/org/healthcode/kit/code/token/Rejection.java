package org.healthcode.kit.code.token;

/**
 * Why a token is not accepted, in the order the verifier checks ({@code MALFORMED}: the shape, then
 * the payload). {@code REVOKED_KEY}: the national trust list revoked the key that signed it;
 * {@code OUTSIDE_KEY_WINDOW}: it was issued before the key's {@code notBefore} or at or after its
 * {@code notAfter}.
 */
public enum Rejection {
    MALFORMED, ALGORITHM_NOT_ALLOWED, UNTRUSTED_ISSUER, UNKNOWN_KEY, BAD_SIGNATURE, REVOKED_KEY, OUTSIDE_KEY_WINDOW,
    EXPIRED
}
