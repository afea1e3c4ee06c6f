package org.healthcode.codeissuer;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import org.healthcode.codeissuer.token.KeyConfigurationException;
import org.healthcode.codeissuer.token.KeyRing;
import org.healthcode.kit.code.qr.QrRenderer;
import org.healthcode.kit.code.token.TokenIssuer;
import org.healthcode.kit.code.token.TokenVerifier;

/** Builds the plain token and QR classes from configuration, at start-up, so bad keys stop the start. */
@ApplicationScoped
public class CodeSigning {

    @Produces
    @Singleton
    @Startup
    KeyRing keyRing(CodeIssuerConfig config) {
        return KeyRing.fromConfig(config.keys(), config.signingKid(), config.nextSigningKid(), config.signingSwitchAt(),
                config.revokedKids().orElse(Set.of()));
    }

    @Produces
    @Singleton
    @Startup
    TokenIssuer tokenIssuer(KeyRing keys, CodeIssuerConfig config, Clock clock) {
        try {
            return new TokenIssuer(keys.signing(), keys.next(), keys.switchAt(), config.province(), config.tokenTtl(),
                    clock);
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException("code-issuer.province or code-issuer.token-ttl is invalid: "
                    + e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Startup
    TokenVerifier tokenVerifier(KeyRing keys, CodeIssuerConfig config, Clock clock) {
        // Online verification accepts this province's own codes only: its trust list is itself. Made
        // at start, so a clock skew over the verifier's 30 s limit stops the start, not a verification.
        try {
            return new TokenVerifier(keys.trustList(config.province()), config.clockSkew(), clock);
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException("code-issuer.clock-skew is invalid: " + e.getMessage());
        }
    }

    @Produces
    @Singleton
    QrRenderer qrRenderer(CodeIssuerConfig config) {
        return new QrRenderer(config.qrScale());
    }
}
