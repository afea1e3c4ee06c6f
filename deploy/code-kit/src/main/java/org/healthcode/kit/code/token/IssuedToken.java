package org.healthcode.kit.code.token;

import java.time.Instant;

/** A signed code token and the moment it stops being accepted. */
public record IssuedToken(String token, Instant expiresAt) {
}
