package org.healthcode.kit.code.token;

/**
 * The outcome of checking a token. {@code claims} are present only when a trusted key confirmed
 * the signature (a valid or an expired token), never for a forgery, nor for a token of an issuer
 * or key the verifier does not know (nothing could check what it says).
 */
public record Verification(Rejection reason, CodeClaims claims) {

    static Verification accepted(CodeClaims claims) {
        return new Verification(null, claims);
    }

    static Verification rejected(Rejection reason) {
        return new Verification(reason, null);
    }

    static Verification rejected(Rejection reason, CodeClaims authentic) {
        return new Verification(reason, authentic);
    }

    public boolean valid() {
        return reason == null;
    }
}
