package org.healthcode.kit.code.token;

/** Why a token is not accepted, in the order the verifier checks ({@code MALFORMED}: the shape, then the payload). */
public enum Rejection {
    MALFORMED, ALGORITHM_NOT_ALLOWED, UNTRUSTED_ISSUER, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED
}
