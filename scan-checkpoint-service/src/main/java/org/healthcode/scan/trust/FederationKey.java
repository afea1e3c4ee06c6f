package org.healthcode.scan.trust;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.VerificationKeys;
import org.healthcode.scan.ScanConfig;

/**
 * This province's federation key ({@code scan.federation.key}): signs what this checkpoint asks
 * other provinces; its public half is published at {@code /.well-known/federation-jwks.json} for the
 * national hub, which lists it on the national trust list. Absent: this province asks no one.
 */
@ApplicationScoped
public class FederationKey {

    private final Optional<SigningKey> key;

    public FederationKey(ScanConfig config) {
        this.key = config.federation().key().map(String::strip).filter(text -> !text.isEmpty()).map(entry -> {
            try {
                return SigningKey.federationKey(entry);
            } catch (IllegalArgumentException e) {
                // the kit's messages are fixed: they never carry key material
                throw new IllegalStateException(ScanConfig.Federation.KEY + " (environment SCAN_FEDERATION_KEY) is "
                        + e.getMessage());
            }
        });
    }

    public Optional<SigningKey> signingKey() {
        return key;
    }

    /** The public key as a JWKS (empty without a key). */
    public VerificationKeys.Jwks jwks() {
        return new VerificationKeys(key.map(signing -> List.of(signing.verificationKey())).orElse(List.of())).toJwks();
    }
}
