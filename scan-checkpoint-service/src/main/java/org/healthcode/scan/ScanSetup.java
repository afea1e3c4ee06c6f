package org.healthcode.scan;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.healthcode.kit.code.qr.QrRenderer;
import org.healthcode.scan.domain.PosterCodes;

/** Builds the plain poster and QR classes from configuration at start, so a bad key stops the start. */
@ApplicationScoped
public class ScanSetup {

    @Produces
    @Singleton
    @Startup
    PosterCodes posterCodes(ScanConfig config) {
        return new PosterCodes(PosterCodes.decodeKey(ScanConfig.POSTER_KEY, config.posterKey()));
    }

    @Produces
    @Singleton
    QrRenderer posterRenderer(ScanConfig config) {
        return new QrRenderer(config.posterScale());
    }
}
