package org.healthcode.kit.code.token;

/**
 * The outcome of checking a paper code, as {@link Verification} for a phone code: {@code claims}
 * only when a trusted key confirmed the signature (a valid or an expired paper code).
 */
public record PaperVerification(Rejection reason, PaperClaims claims) {

    public boolean valid() {
        return reason == null;
    }
}
