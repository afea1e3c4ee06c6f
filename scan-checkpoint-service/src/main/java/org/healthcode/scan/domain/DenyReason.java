package org.healthcode.scan.domain;

import org.healthcode.kit.code.token.Rejection;

/** Why a checkpoint says DENY: the code failed a check, or the holder is not green (or why no check was needed). */
public enum DenyReason {
    MALFORMED, ALGORITHM_NOT_ALLOWED, UNTRUSTED_ISSUER, UNKNOWN_KEY, BAD_SIGNATURE,
    /** The national trust list revoked the key that signed the code. */
    REVOKED_KEY,
    /** The code was issued outside its key's window (national trust list). */
    OUTSIDE_KEY_WINDOW,
    EXPIRED,
    /** A paper code that a newer print of the same person has replaced (revoked). */
    PAPER_CODE_REPLACED,
    COLOUR_YELLOW, COLOUR_RED,
    /**
     * A visitor's valid code, but their home province could not be asked for the current colour and
     * this province's policy ({@code scan.foreign-colour-fallback=DENY}) does not take the code's word.
     */
    HOME_PROVINCE_UNREACHABLE,
    /** No colour is known for the person (looked up by document or checked in, never coloured). */
    NO_COLOUR,
    /**
     * Not a refusal: the answer is ALLOW because the venue's type no longer requires a code in its
     * province (the end of the emergency); nothing was checked or recorded.
     */
    NOT_REQUIRED;

    public static DenyReason of(Rejection rejection) {
        return valueOf(rejection.name());
    }

    /** A reason about the code itself rather than its holder: the answer then shows no colour. */
    public boolean aboutTheCode() {
        return ordinal() <= PAPER_CODE_REPLACED.ordinal();
    }
}
