package org.healthcode.codeissuer.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.healthcode.codeissuer.repository.SubjectColourRepository;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.Verification;

/**
 * The online check: the offline verification, plus the holder's colour now, so a replayed
 * screenshot of an old green code shows today's colour. Only a valid token reveals the current
 * colour; an expired one does not, so an old screenshot cannot be used to follow someone.
 */
@ApplicationScoped
public class VerificationService {

    /** Online checks by result: {@code VALID} or why not ({@code healthcode_code_verifications_total}). */
    public static final String VERIFICATIONS = "healthcode.code.verifications";

    private final TokenVerifier verifier;
    private final SubjectColourRepository colours;
    private final MeterRegistry metrics;

    public VerificationService(TokenVerifier verifier, SubjectColourRepository colours, MeterRegistry metrics) {
        this.verifier = verifier;
        this.colours = colours;
        this.metrics = metrics;
    }

    public Uni<CheckedCode> check(String token) {
        Verification verification = verifier.verify(token);
        metrics.counter(VERIFICATIONS, "result",
                verification.valid() ? "VALID" : verification.reason().name()).increment();
        if (!verification.valid()) {
            return Uni.createFrom().item(new CheckedCode(verification, null));
        }
        return colours.current(verification.claims().subjectId())
                .map(current -> new CheckedCode(verification, current));
    }
}
