package org.healthcode.scan.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.Verification;
import org.healthcode.kit.web.ApiException;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.domain.CheckpointAudit;
import org.healthcode.scan.repository.SubjectColourRepository;
import org.healthcode.scan.trust.NationalTrust;
import org.healthcode.scan.trust.TrustedKeys;

/**
 * This province as a visitor's home: another province's checkpoint scanned a code this province
 * issued and asks for the holder's current colour. The request is a {@link FederationMessage}: the
 * asking province's federation key, as the national trust list held here lists it, must have signed
 * it for this province, within its minute; it carries the code, which must verify and be this
 * province's own, so only a province holding a valid code of that person can ask about them. Each
 * answer is written to the audit trail (who asked about whom, when).
 */
@ApplicationScoped
public class FederationService {

    /** What a home province answers: the current colour, gold, and when it was evaluated. */
    public record HomeColour(Colour colour, boolean gold, Instant asOf) {
    }

    private final TrustedKeys trust;
    private final SubjectColourRepository colours;
    private final AuditTrail audit;
    private final Clock clock;
    private final String province;

    public FederationService(TrustedKeys trust, SubjectColourRepository colours, AuditTrail audit, Clock clock,
            ScanConfig config) {
        this.trust = trust;
        this.colours = colours;
        this.audit = audit;
        this.clock = clock;
        this.province = config.province();
    }

    public Uni<HomeColour> colour(String request) {
        NationalTrustList list = trust.national().map(NationalTrust::held).orElse(null);
        FederationMessage.Verified message;
        try {
            message = FederationMessage.verify(request, list, province, clock);
        } catch (FederationMessage.Refused refused) {
            throw refusal(refused.reason());
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Verification code = trust.verifier().verify(message.text("token"));
        if (!code.valid() || !province.equals(code.claims().issuer())) {
            String why = code.valid() ? "FEDERATION_CODE_NOT_ISSUED_HERE" : "FEDERATION_CODE_INVALID";
            return audit.record(CheckpointAudit.federationColourRead(at, message.issuer(),
                            code.claims() == null ? null : code.claims().subjectId(), message.id(), province,
                            Outcome.REFUSED, why, message.kid()))
                    .chain(() -> Uni.createFrom().failure(new ApiException(403, why, code.valid()
                            ? "The code was not issued by this province"
                            : "The code does not verify here: " + code.reason())));
        }
        String subjectId = code.claims().subjectId();
        return colours.current(subjectId).chain(current -> audit.record(CheckpointAudit.federationColourRead(at,
                        message.issuer(), subjectId, message.id(), province, Outcome.ALLOWED,
                        current == null ? "no colour held" : "colour=" + current.colour(), message.kid()))
                .map(recorded -> {
                    if (current == null) {
                        throw ApiException.notFound("SUBJECT_COLOUR_NOT_FOUND", "No colour is held for the code's holder");
                    }
                    return new HomeColour(current.colour(), current.gold() && current.colour() == Colour.GREEN,
                            current.evaluatedAt());
                }));
    }

    /**
     * 400 for what is not a federation message at all, 401 when the sender is not proven (unknown
     * province or key, bad signature, revoked key, expired), 403 when it is proven but asks amiss.
     */
    private static ApiException refusal(FederationMessage.Reason reason) {
        return switch (reason) {
            case MALFORMED -> new ApiException(400, "FEDERATION_MALFORMED",
                    "Not a federation message (a compact ES256 JWS of type hc-federation)");
            case UNKNOWN_PROVINCE -> new ApiException(401, "FEDERATION_UNKNOWN_PROVINCE",
                    "The sender is not a province of the national trust list held here");
            case UNKNOWN_KEY -> new ApiException(401, "FEDERATION_UNKNOWN_KEY",
                    "The key is not a federation key of the sending province on the national trust list");
            case SIGNATURE_INVALID -> new ApiException(401, "FEDERATION_SIGNATURE_INVALID",
                    "The sending province's signature does not verify");
            case KEY_NOT_VALID -> new ApiException(401, "FEDERATION_KEY_REVOKED",
                    "The federation key is revoked or outside its window");
            case EXPIRED -> new ApiException(401, "FEDERATION_EXPIRED",
                    "The request is expired, not yet valid, or lives longer than a minute");
            case WRONG_AUDIENCE -> new ApiException(403, "FEDERATION_WRONG_AUDIENCE",
                    "The request is addressed to another province");
        };
    }
}
