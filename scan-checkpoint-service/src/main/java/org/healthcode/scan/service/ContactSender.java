package org.healthcode.scan.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.repository.OutgoingContactRepository;
import org.healthcode.scan.repository.OutgoingContactRepository.Due;
import org.healthcode.scan.trust.FederationKey;
import org.healthcode.scan.trust.NationalTrust;
import org.healthcode.scan.trust.TrustedKeys;
import org.jboss.logging.Logger;

/**
 * Sends each queued finding to the contact's home province: a {@link FederationMessage} of kind
 * contact, signed with this province's federation key, POSTed to
 * {@code <the home's verificationApi on the national trust list>/federation/contacts}, outside any
 * transaction. A finding is done once the home answered 2xx (ACCEPTED or DUPLICATE) or a 409 whose
 * error says DUPLICATE, and FAILED (kept, logged) when it refused it for good (400, 403, 404, 405,
 * 410, 413, 415, 422, another 409 such as EMERGENCY_ENDED: sending it again cannot help). Anything else (unreachable, timeout, 5xx, 401 while the home's copy of the
 * national list does not know our key yet, 408, 429, the home not federated yet) keeps it PENDING,
 * tried again after a backoff that doubles from {@code retry-min} to {@code retry-max}: nothing the
 * home has not acknowledged is dropped. Counted in
 * {@code healthcode_federation_contacts_sent_total{province = the home, outcome}}.
 */
@ApplicationScoped
public class ContactSender {

    /** Findings sent, by home province and outcome. */
    public static final String SENT = "healthcode.federation.contacts.sent";

    /** Where a home province takes contacts, under its {@code verificationApi}. */
    public static final String CONTACTS_PATH = "/federation/contacts";

    private static final Logger LOG = Logger.getLogger(ContactSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> FOR_GOOD = Set.of(400, 403, 404, 405, 410, 413, 415, 422);
    private static final int BATCH = 50;

    private final OutgoingContactRepository outgoing;
    private final TrustedKeys trust;
    private final FederationKey federationKey;
    private final String province;
    private final ScanConfig.Federation.Contacts settings;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final WebClient client;
    private final AtomicBoolean sending = new AtomicBoolean();

    public ContactSender(OutgoingContactRepository outgoing, TrustedKeys trust, FederationKey federationKey,
            ScanConfig config, MeterRegistry metrics, Clock clock, Vertx vertx) {
        this.outgoing = outgoing;
        this.trust = trust;
        this.federationKey = federationKey;
        this.province = config.province();
        this.settings = config.federation().contacts();
        this.metrics = metrics;
        this.clock = clock;
        long timeout = Math.max(1, settings.timeout().toMillis());
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) timeout).setUserAgent("healthcode-federation"));
    }

    /** Sends what is due now, after findings were queued (not waiting for the next tick). */
    public void nudge() {
        sendDue().subscribe().with(done -> { }, failure -> LOG.debugf("Contacts abroad not sent now: %s",
                failure.getClass().getSimpleName()));
    }

    @Scheduled(every = "${scan.federation.contacts.send-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return sendDue().onFailure().invoke(e -> LOG.debugf("Contacts abroad not sent: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    /** Leases the due findings and sends each; one run at a time on this instance. */
    public Uni<Void> sendDue() {
        if (!sending.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Duration lease = settings.timeout().multipliedBy(2).plusSeconds(30);
        return outgoing.lease(now, now.plus(lease), BATCH)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::send)
                        .collect().last())
                .replaceWithVoid()
                .eventually(() -> sending.set(false));
    }

    private Uni<Void> send(Due due) {
        String home = due.homeProvince();
        NationalTrustList list = trust.national().map(NationalTrust::held).orElse(null);
        NationalTrustList.Province entry = list == null ? null : list.province(home);
        SigningKey key = federationKey.signingKey().orElse(null);
        if (entry == null || entry.federationKeys().isEmpty() || key == null) {
            return settled(due, Outcome.NOT_FEDERATED, null);
        }
        String base = entry.verificationApi().toString();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CONTACTS_PATH;
        String message = FederationMessage.sign(key, province, home, UUID.randomUUID().toString(),
                due.contact().claims(), FederationMessage.MAX_LIFETIME, clock);
        return client.postAbs(url).timeout(Math.max(1, settings.timeout().toMillis()))
                .putHeader("Content-Type", "application/jose").putHeader("Accept", "application/json")
                .sendBuffer(Buffer.buffer(message))
                .map(ContactSender::outcome)
                .onFailure().recoverWithItem(failure -> failure instanceof TimeoutException
                        || failure.getCause() instanceof TimeoutException ? new Answer(Outcome.TIMEOUT, null)
                        : new Answer(Outcome.UNREACHABLE, null))
                .chain(answer -> settled(due, answer.outcome(), answer.error()));
    }

    /** How a send ended; {@code done} when nothing more is to be done with the finding. */
    enum Outcome {
        ACCEPTED(true), DUPLICATE(true), REFUSED(true), UNAUTHORISED(false), ERROR(false), TIMEOUT(false),
        UNREACHABLE(false), NOT_FEDERATED(false);

        final boolean done;

        Outcome(boolean done) {
            this.done = done;
        }
    }

    private record Answer(Outcome outcome, String error) {
    }

    private static Answer outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer("DUPLICATE".equals(field(response, "status")) ? Outcome.DUPLICATE : Outcome.ACCEPTED, null);
        }
        if (status == 409) {
            // a home that answers a resend with a conflict already has it; any other conflict (its
            // emergency has ended: EMERGENCY_ENDED) is a refusal for good
            String error = field(response, "error");
            return error.contains("DUPLICATE") ? new Answer(Outcome.DUPLICATE, null)
                    : new Answer(Outcome.REFUSED, ("409 " + error).strip());
        }
        if (FOR_GOOD.contains(status)) {
            return new Answer(Outcome.REFUSED, (status + " " + field(response, "error")).strip());
        }
        if (status == 401) {
            return new Answer(Outcome.UNAUTHORISED, (status + " " + field(response, "error")).strip());
        }
        return new Answer(Outcome.ERROR, Integer.toString(status));
    }

    private Uni<Void> settled(Due due, Outcome outcome, String error) {
        String home = due.homeProvince();
        metrics.counter(SENT, "province", home, "outcome", outcome.name()).increment();
        Instant now = clock.instant();
        String finding = due.contact().findingId();
        if (outcome == Outcome.REFUSED) {
            // the home's error code and the finding's id only: never the person
            LOG.warnf("Federation: %s refused the contact finding %s for good (%s); kept as FAILED", home, finding,
                    error);
            return outgoing.done(finding, "FAILED", outcome.name() + " " + error, now);
        }
        if (outcome.done) {
            return outgoing.done(finding, "SENT", outcome.name(), now);
        }
        Duration wait = backoff(due.attempts() + 1);
        LOG.debugf("Federation: contact finding %s for %s not acknowledged (%s%s); again in %s", finding, home,
                outcome, error == null ? "" : " " + error, wait);
        return outgoing.retryAt(finding, error == null ? outcome.name() : outcome.name() + " " + error, now.plus(wait));
    }

    /** {@code retry-min} doubled for each attempt made, at most {@code retry-max}. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryMin();
        for (int i = 1; i < attempts && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private static String field(HttpResponse<Buffer> response, String name) {
        try {
            return JSON.readTree(response.bodyAsString()).path(name).asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
