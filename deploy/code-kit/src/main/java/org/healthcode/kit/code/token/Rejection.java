package org.healthcode.codeissuer.token;

/** Why a token is not accepted, in the order the verifier checks. */
public enum Rejection {
    MALFORMED, ALGORITHM_NOT_ALLOWED, UNKNOWN_KEY, BAD_SIGNATURE, UNTRUSTED_ISSUER, EXPIRED
}
