package org.healthcode.declaration.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.healthcode.declaration.DeclarationConfig;

/** Makes the keyed services from configuration at start, so a bad key stops the service at once. */
@ApplicationScoped
public class CryptoProducer {

    @Produces
    @Singleton
    @Startup
    Pseudonyms pseudonyms(DeclarationConfig config) {
        return new Pseudonyms(Keys.decode(DeclarationConfig.PSEUDONYM_KEY, config.pseudonymKey()));
    }

    @Produces
    @Singleton
    @Startup
    IdentityCipher identityCipher(DeclarationConfig config) {
        return new IdentityCipher(DataKeyset.from(config.dataKeyset(), config.dataKey()));
    }
}
