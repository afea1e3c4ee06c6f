package org.healthcode.scan.trust;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.healthcode.kit.code.token.NationalTrustList;

/**
 * The national trust list in {@code /q/health/ready}: the version held, when it was issued and how
 * old it is, and how the last fetch went (ACCEPTED, UNCHANGED, REFUSED or UNREACHABLE, with the
 * reason). Always UP: a checkpoint without the national list still verifies with its provinces' own
 * JWKS, and one whose hub is away keeps the last good list; an operator watches the age.
 */
@Readiness
@ApplicationScoped
public class NationalTrustReadiness implements HealthCheck {

    static final String NAME = "national-trust-list";

    private final TrustedKeys trust;

    public NationalTrustReadiness(TrustedKeys trust) {
        this.trust = trust;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (trust.national().isEmpty()) {
            return response.withData("configured", false).build();
        }
        NationalTrust national = trust.national().get();
        response.withData("configured", true).withData("url", national.url().toString());
        NationalTrustList held = national.held();
        if (held == null) {
            response.withData("version", "none held yet");
        } else {
            response.withData("version", held.version()).withData("issuedAt", held.issuedAt().toString())
                    .withData("ageSeconds", national.age().toSeconds());
        }
        NationalTrust.Refresh last = national.lastRefresh();
        if (last != null) {
            response.withData("lastFetch", last.at().toString()).withData("lastOutcome", last.outcome());
            if (last.reason() != null) {
                response.withData("lastProblem", last.reason());
            }
        }
        return response.build();
    }
}
