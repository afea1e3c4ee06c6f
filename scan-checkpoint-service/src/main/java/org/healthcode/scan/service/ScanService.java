package org.healthcode.scan.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.code.token.PaperVerification;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.CodeClaims;
import org.healthcode.kit.code.token.Verification;
import org.healthcode.kit.event.Outbox;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.domain.Admission;
import org.healthcode.scan.domain.ForeignColourFallback;
import org.healthcode.scan.domain.CheckpointAudit;
import org.healthcode.scan.domain.ClientIds;
import org.healthcode.scan.domain.PosterCodes;
import org.healthcode.scan.domain.ScanAttempt;
import org.healthcode.scan.domain.ScanMode;
import org.healthcode.scan.domain.Venue;
import org.healthcode.scan.event.ScanRecorded;
import org.healthcode.scan.repository.PaperCodeRepository;
import org.healthcode.scan.repository.ScanAttemptRepository;
import org.healthcode.scan.repository.SubjectColourRepository;
import org.healthcode.scan.trust.TrustedKeys;

/**
 * The four ways a visit is recorded. Each attempt is decided once per scan id: it is stored with
 * its answer, and, when its subject is known, published as {@code scan-recorded} from the same
 * transaction; a retry of the same request answers the stored decision and records nothing new.
 */
@ApplicationScoped
public class ScanService {

    /** Scans decided, ALLOW or DENY with the reason ({@code healthcode_scans_total}). */
    public static final String SCANS = "healthcode.scans";

    /** The answers of a poster check-in: the citizen's visit first, then each companion's. */
    public record Checkin(Venue venue, List<ScanAttempt> visits) {
    }

    private final TrustedKeys trust;
    private final VenueService venues;
    private final PosterCodes posters;
    private final ScanAttemptRepository attempts;
    private final SubjectColourRepository colours;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final CodeRequirementService requirements;
    private final PaperCodeRepository papers;
    private final HomeColours home;
    private final ForeignColourFallback fallback;

    public ScanService(TrustedKeys trust, VenueService venues, PosterCodes posters, ScanAttemptRepository attempts,
            SubjectColourRepository colours, Outbox outbox, MeterRegistry metrics,
            Clock clock, CodeRequirementService requirements, PaperCodeRepository papers, HomeColours home,
            ScanConfig config) {
        this.requirements = requirements;
        this.papers = papers;
        this.home = home;
        this.fallback = config.foreignColourFallback();
        this.trust = trust;
        this.venues = venues;
        this.posters = posters;
        this.attempts = attempts;
        this.colours = colours;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Staff scanned a citizen's code: verified offline against the trust list (before anything is
     * asked of the database: a forged code costs no round trip), then the colour now.
     */
    public Uni<ScanAttempt> scanCode(String token, String venueId, String scanId, Caller staff) {
        if (TokenVerifier.looksLikePaper(token)) {
            return scanPaper(token, venueId, scanId, staff);
        }
        String operator = staff.subject();
        String fingerprint = codeFingerprint(ScanMode.OPERATOR_SCAN, venueId, operator, token);
        Verification verification = trust.verifier().verify(token);
        return venues.find(venueId, staff, "POST /v1/scans", null).chain(venue -> unlessNotRequired(venue, scanId,
                ScanMode.OPERATOR_SCAN, operator, fingerprint, null, () ->
                once(venue, scanId, ScanMode.OPERATOR_SCAN, operator, fingerprint, () -> decide(verification, token),
                        attempt -> null)));
    }

    /**
     * Staff scanned a printed paper code: verified offline, then whether it is still the person's
     * latest print, then the colour now. Recorded with mode PAPER_CODE.
     */
    private Uni<ScanAttempt> scanPaper(String token, String venueId, String scanId, Caller staff) {
        String operator = staff.subject();
        String fingerprint = codeFingerprint(ScanMode.PAPER_CODE, venueId, operator, token);
        PaperVerification verification = trust.verifier().verifyPaper(token);
        return venues.find(venueId, staff, "POST /v1/scans", null).chain(venue -> unlessNotRequired(venue, scanId,
                ScanMode.PAPER_CODE, operator, fingerprint, null, () ->
                once(venue, scanId, ScanMode.PAPER_CODE, operator, fingerprint, () -> verification.claims() == null
                        ? Uni.createFrom().item(Admission.ofPaper(verification, null, null))
                        : papers.current(verification.claims().subjectId()).chain(latest ->
                                colours.current(verification.claims().subjectId())
                                        .map(current -> Admission.ofPaper(verification, latest, current))),
                        attempt -> null)));
    }

    /**
     * What makes two scans of a code the same scan: the signed part, not the whole string, since an
     * ECDSA signature can be rewritten (high S) without changing what it signs, and a retry with the
     * rewritten twin is the same scan.
     */
    private static String codeFingerprint(ScanMode mode, String venueId, String operator, String token) {
        int signature = token.lastIndexOf('.');
        String signed = signature < 0 ? token : token.substring(0, signature);
        return ClientIds.fingerprint(mode.name(), venueId, operator, signed);
    }

    /**
     * A code's decision: a forgery by nothing; this province's resident (or a code that failed, for
     * the visit record) by the stored colour; a visitor's valid code by their home province's
     * colour, asked over the network before anything is written (no transaction waits for it), or,
     * when the home gives none, by the province policy: the code's own colour or DENY.
     */
    private Uni<Admission.Outcome> decide(Verification verification, String token) {
        CodeClaims claims = verification.claims();
        if (claims == null) {
            return Uni.createFrom().item(Admission.ofCode(verification, null));
        }
        if (!verification.valid() || claims.issuer().equals(home.province())) {
            return colours.current(claims.subjectId()).map(current -> Admission.ofCode(verification, current));
        }
        Uni<Admission.Outcome> fallen = Uni.createFrom().item(() -> fallback == ForeignColourFallback.TOKEN
                ? Admission.ofCode(verification, null) : Admission.homeUnreachable(verification));
        if (!home.federated(claims.issuer())) {
            return fallen;
        }
        return home.colour(claims.issuer(), claims.subjectId(), token)
                .map(answered -> Admission.ofCode(verification, answered))
                .onFailure(HomeColours.NoAnswer.class).recoverWithUni(() -> fallen);
    }

    /**
     * Staff looked a person up by document (the gateway resolved it to the pseudonym): decided by
     * the stored colour, and written to the audit trail as {@code ID_CARD_LOOKUP} (who, whom, why,
     * when, where) in the statement that records the scan: the lookup is audited once per scan id,
     * and a scan never exists without its entry nor an entry without its scan.
     */
    public Uni<ScanAttempt> scanSubject(String subjectId, String venueId, String scanId, Caller staff) {
        String operator = staff.subject();
        String fingerprint = ClientIds.fingerprint(ScanMode.ID_CARD.name(), venueId, operator, subjectId);
        return venues.find(venueId, staff, "POST /v1/scans/subject", subjectId)
                .chain(venue -> unlessNotRequired(venue, scanId, ScanMode.ID_CARD, operator, fingerprint, null,
                        () -> once(venue, scanId, ScanMode.ID_CARD, operator, fingerprint,
                        () -> colours.current(subjectId).map(current -> Admission.ofSubject(subjectId, current)),
                        attempt -> CheckpointAudit.idCardLookup(attempt, staff.staffProvince()))));
    }

    /**
     * A citizen scanned a venue's poster, for themselves and the companions they brought (the
     * gateway checked these are their dependents). Each person is one visit, idempotent by
     * checkin id and person.
     */
    public Uni<Checkin> checkin(String venueCode, String subjectId, List<String> companions, String checkinId,
            String account) {
        UUID venueId = posters.venueOf(venueCode).orElseThrow(
                () -> new ApiException(400, "INVALID_VENUE_CODE", "The venue code is not a poster of this platform"));
        return venues.find(venueId.toString()).chain(venue -> requirements.requiredAt(venue).chain(required -> {
            if (!required) {
                List<ScanAttempt> visits = new ArrayList<>();
                List<String> people = new ArrayList<>(List.of(subjectId));
                people.addAll(companions);
                for (int i = 0; i < people.size(); i++) {
                    ScanMode mode = i == 0 ? ScanMode.VENUE_CHECKIN : ScanMode.COMPANION;
                    visits.add(notRequired(venue, ClientIds.checkinScanId(checkinId, people.get(i)), mode, account,
                            null, people.get(i)));
                }
                return Uni.createFrom().item(new Checkin(venue, List.copyOf(visits)));
            }
            Uni<List<ScanAttempt>> visits = Uni.createFrom().item(new ArrayList<>());
            List<String> people = new ArrayList<>(List.of(subjectId));
            people.addAll(companions);
            for (int i = 0; i < people.size(); i++) {
                String person = people.get(i);
                ScanMode mode = i == 0 ? ScanMode.VENUE_CHECKIN : ScanMode.COMPANION;
                String fingerprint = ClientIds.fingerprint(mode.name(), venue.id.toString(), account, person);
                visits = visits.chain(done -> once(venue, ClientIds.checkinScanId(checkinId, person), mode, account,
                        fingerprint, () -> colours.current(person).map(current -> Admission.ofSubject(person, current)),
                        attempt -> null)
                        .map(visit -> {
                            done.add(visit);
                            return done;
                        }));
            }
            return visits.map(done -> new Checkin(venue, List.copyOf(done)));
        }));
    }

    /**
     * The attempt of {@code scanId}: decided now and recorded with its event (when it has a subject)
     * and its audit line ({@code auditLine}, null for none) in one statement; a retry finds the
     * stored attempt instead and answers it. A scan id reused for a different request is refused.
     */
    private Uni<ScanAttempt> once(Venue venue, String scanId, ScanMode mode, String operator, String fingerprint,
            Supplier<Uni<Admission.Outcome>> decide, Function<ScanAttempt, AuditEntry> auditLine) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return decide.get().chain(outcome -> {
            ScanAttempt attempt = ScanAttempt.of(scanId, mode, venue.id, operator, fingerprint, outcome, at);
            Outbox.Row event = attempt.subjectId == null ? null
                    : outbox.row(ScanRecorded.TOPIC, attempt.subjectId, ScanRecorded.of(attempt, venue, home.province()));
            return attempts.record(attempt, event, auditLine.apply(attempt)).chain(recorded -> {
                if (!recorded) {
                    // a retry, or a concurrent twin that recorded it first: answer what was recorded
                    return attempts.find(scanId).map(first -> replay(first, fingerprint));
                }
                count(attempt, venue);
                return Uni.createFrom().item(attempt);
            });
        });
    }

    /**
     * {@code scan} unless the venue's type no longer requires a code in its province: then ALLOW,
     * NOT_REQUIRED, and nothing is recorded (no attempt, no visit, no event, no audit line).
     */
    private Uni<ScanAttempt> unlessNotRequired(Venue venue, String scanId, ScanMode mode, String operator,
            String fingerprint, String subjectId, Supplier<Uni<ScanAttempt>> scan) {
        return requirements.requiredAt(venue).chain(required -> required ? scan.get()
                : Uni.createFrom().item(notRequired(venue, scanId, mode, operator, fingerprint, subjectId)));
    }

    /** The answer at a venue that requires no code: never stored, only counted. */
    private ScanAttempt notRequired(Venue venue, String scanId, ScanMode mode, String operator, String fingerprint,
            String subjectId) {
        ScanAttempt answer = ScanAttempt.of(scanId, mode, venue.id, operator, fingerprint,
                Admission.notRequired(subjectId), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        count(answer, venue);
        return answer;
    }

    private static ScanAttempt replay(ScanAttempt stored, String fingerprint) {
        if (!stored.fingerprint.equals(fingerprint)) {
            throw ApiException.conflict("SCAN_ID_REUSED", "This scan id was used for a different scan");
        }
        return stored;
    }

    /** Each attempt decided (a retry is not counted again), by how, what and why, in the venue's province. */
    private void count(ScanAttempt attempt, Venue venue) {
        metrics.counter(SCANS, "mode", attempt.mode.name(), "decision", attempt.decision.name(),
                "reason", attempt.reason == null ? "NONE" : attempt.reason.name(),
                "province", venue.province == null ? "unknown" : venue.province).increment();
    }
}
