package org.healthcode.codeissuer.token;

/**
 * The outcome of checking a token. {@code claims} are present only when the signature is good
 * (the token is authentic even if expired or from an untrusted issuer), never for a forgery.
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
