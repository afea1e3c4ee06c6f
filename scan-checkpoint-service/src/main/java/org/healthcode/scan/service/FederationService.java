package org.healthcode.scan.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.Verification;
import org.healthcode.kit.event.Outbox;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.domain.CheckpointAudit;
import org.healthcode.scan.domain.FederationContact;
import org.healthcode.scan.event.FederationContactReceived;
import org.healthcode.scan.repository.FederationContactRepository;
import org.healthcode.scan.repository.FederationRequestRepository;
import org.healthcode.scan.repository.SubjectColourRepository;
import org.healthcode.scan.trust.NationalTrust;
import org.healthcode.scan.trust.TrustedKeys;

/**
 * This province as a visitor's home: another province's checkpoint scanned a code this province
 * issued and asks for the holder's current colour. The request is a {@link FederationMessage}: the
 * asking province's federation key, as the national trust list held here lists it, must have signed
 * it for this province, within its minute; it carries the code, which must verify and be this
 * province's own, so only a province holding a valid code of that person can ask about them. Each
 * answer is written to the audit trail (who asked about whom, when). A request is answered once: the
 * same signed request again (a replay, by whoever saw it pass) is refused 409 FEDERATION_REPLAY.
 */
@ApplicationScoped
public class FederationService {

    /** What a home province answers: the current colour, gold, and when it was evaluated. */
    public record HomeColour(Colour colour, boolean gold, Instant asOf) {
    }

    /** What a home answers a contact sent to it: the finding's id and ACCEPTED, or DUPLICATE when it had it. */
    public record Receipt(String findingId, String status) {
    }

    private final TrustedKeys trust;
    private final SubjectColourRepository colours;
    private final FederationContactRepository contacts;
    private final FederationRequestRepository requests;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final String province;

    public FederationService(TrustedKeys trust, SubjectColourRepository colours, FederationContactRepository contacts,
            FederationRequestRepository requests, Outbox outbox, AuditTrail audit, Clock clock, ScanConfig config) {
        this.requests = requests;
        this.trust = trust;
        this.colours = colours;
        this.contacts = contacts;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.province = config.province();
    }

    public Uni<HomeColour> colour(String request) {
        FederationMessage.Verified message = verified(request);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return requests.firstTime(message.issuer(), message.id(), message.expiresAt().plus(FederationMessage.SKEW), at)
                .chain(first -> first ? answer(message, at) : replayed(message, at));
    }

    private Uni<HomeColour> replayed(FederationMessage.Verified message, Instant at) {
        return audit.record(CheckpointAudit.federationColourRead(at, message.issuer(), null, message.id(), province,
                        Outcome.REFUSED, "FEDERATION_REPLAY", message.kid()))
                .chain(() -> Uni.createFrom().failure(new ApiException(409, "FEDERATION_REPLAY",
                        "This request was answered before; each request is answered once")));
    }

    private Uni<HomeColour> answer(FederationMessage.Verified message, Instant at) {
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
     * Another province's tracing found one of this province's people (a visitor there) as a contact
     * and sends the finding, signed by its federation key for this province. Stored once per
     * (sending province, finding id) with its {@code federation-contact-received} event, which
     * risk-scoring takes as a local contact, and its audit line {@code FEDERATION_CONTACT_RECEIVED},
     * in one statement; a finding sent again answers DUPLICATE and changes nothing. The person need
     * not be known here yet: pseudonyms are deterministic, so the fact colours them once they are.
     */
    public Uni<Receipt> contact(String request) {
        FederationMessage.Verified message = verified(request);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FederationContact contact;
        try {
            contact = FederationContact.of(message);
        } catch (FederationContact.Unreadable unreadable) {
            String subject = SubjectId.isValid(message.text("subjectId")) ? message.text("subjectId") : null;
            return audit.record(CheckpointAudit.federationContactReceived(at, message.issuer(), subject, message.id(),
                            province, Outcome.REFUSED, "FEDERATION_CONTACT_INVALID " + unreadable.field(), message.kid()))
                    .chain(() -> Uni.createFrom().failure(new ApiException(400, "FEDERATION_CONTACT_INVALID",
                            "The message is not a contact finding", List.of(new ApiError.Detail(unreadable.field(),
                                    "missing or not valid")))));
        }
        Outbox.Row event = outbox.row(FederationContactReceived.TOPIC, contact.subjectId(),
                FederationContactReceived.of(contact, message.issuer(), province, at));
        AuditEntry line = CheckpointAudit.federationContactReceived(at, message.issuer(), contact.subjectId(),
                contact.findingId(), province, Outcome.ALLOWED, "degree=" + contact.degree() + " exposure="
                        + contact.exposure() + " message=" + message.id(), message.kid());
        return contacts.receive(message.issuer(), contact, message.kid(), message.id(), at, event, line)
                .map(fresh -> new Receipt(contact.findingId(), fresh ? "ACCEPTED" : "DUPLICATE"));
    }

    /** The message, when a federation key of its sender signed it for this province, within its minute. */
    private FederationMessage.Verified verified(String request) {
        NationalTrustList list = trust.national().map(NationalTrust::held).orElse(null);
        try {
            return FederationMessage.verify(request, list, province, clock);
        } catch (FederationMessage.Refused refused) {
            throw refusal(refused.reason());
        }
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
