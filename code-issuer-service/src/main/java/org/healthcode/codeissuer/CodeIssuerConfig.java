package org.healthcode.codeissuer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of the code issuer; keys come from configuration (environment), never from source. */
@ConfigMapping(prefix = "code-issuer")
public interface CodeIssuerConfig {

    /** {@code kid:base64(PKCS#8 EC P-256 private key)}, comma separated (CODE_ISSUER_KEYS). */
    Optional<List<String>> keys();

    /** The key of {@link #keys()} that signs new codes; the others only verify. */
    Optional<String> signingKid();

    /**
     * A rotation set ahead: the key of {@link #keys()} that signs new codes from
     * {@link #signingSwitchAt()} on (CODE_ISSUER_NEXT_SIGNING_KID), so the switch falls on the
     * second the national trust list names, without a restart. Both or neither.
     */
    Optional<String> nextSigningKid();

    /** When {@link #nextSigningKid()} takes over (CODE_ISSUER_SIGNING_SWITCH_AT, e.g. 2026-12-06T12:00:00Z). */
    Optional<java.time.Instant> signingSwitchAt();

    /** Compromised keys: nothing they signed is accepted, even while still listed. */
    Optional<Set<String>> revokedKids();

    /** This province's code, the {@code iss} of every code it signs. */
    @WithDefault("330000")
    String province();

    /** How long a signed code is accepted. */
    @WithDefault("180s")
    Duration tokenTtl();

    /** Clock difference tolerated between the issuer and a verifier. */
    @WithDefault("30s")
    Duration clockSkew();

    /** How long a printed paper code is accepted (until a new print replaces it). */
    @WithDefault("180d")
    Duration paperCodeValidity();

    /** The province's time zone, for the dates printed on a paper code. */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId timeZone();

    /** Pixels per QR module in the PNG. */
    @WithDefault("6")
    int qrScale();
}
