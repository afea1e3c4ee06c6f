package org.healthcode.kit.code.token;

import java.time.Instant;

/** What every signed code says, phone or paper: issuer, issue time and expiry, which the verifier checks. */
public interface SignedClaims {

    String issuer();

    Instant issuedAt();

    Instant expiresAt();
}
