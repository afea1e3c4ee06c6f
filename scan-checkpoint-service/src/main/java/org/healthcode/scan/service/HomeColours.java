package org.healthcode.scan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.scan.ScanConfig;
import org.healthcode.scan.domain.CurrentColour;
import org.healthcode.scan.trust.FederationKey;
import org.healthcode.scan.trust.NationalTrust;
import org.healthcode.scan.trust.TrustedKeys;
import org.jboss.logging.Logger;

/**
 * A visitor's current colour, asked of their home province: a {@link FederationMessage} signed with
 * this province's federation key, carrying the scanned code, POSTed to
 * {@code <the home's verificationApi on the national trust list>/federation/colour}. Answers are kept
 * per person for {@code scan.federation.cache-for} (cache {@code home-colours}); a call that brought
 * no colour ({@link NoAnswer}) is not kept, so the next scan asks again. Counted in
 * {@code healthcode_federation_calls_total{province, outcome}}.
 */
@ApplicationScoped
public class HomeColours {

    /** Federation calls by home province and outcome. */
    public static final String CALLS = "healthcode.federation.calls";

    /** Where a home province answers, under its {@code verificationApi}. */
    public static final String COLOUR_PATH = "/federation/colour";

    private static final Logger LOG = Logger.getLogger(HomeColours.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The home province gave no colour; {@code outcome}: NOT_FEDERATED (not on the national list
     * with a federation key, or this province has none), TIMEOUT, UNREACHABLE, ERROR (5xx or an
     * unreadable answer), REFUSED (4xx), UNKNOWN_SUBJECT (404).
     */
    public static final class NoAnswer extends RuntimeException {

        private final String outcome;

        NoAnswer(String outcome) {
            super(outcome, null, false, false);
            this.outcome = outcome;
        }

        public String outcome() {
            return outcome;
        }
    }

    private final TrustedKeys trust;
    private final FederationKey federationKey;
    private final String province;
    private final Duration timeout;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final WebClient client;

    public HomeColours(TrustedKeys trust, FederationKey federationKey, ScanConfig config, MeterRegistry metrics,
            Clock clock, Vertx vertx) {
        this.trust = trust;
        this.federationKey = federationKey;
        this.province = config.province();
        this.timeout = config.federation().timeout();
        this.metrics = metrics;
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) Math.max(1, timeout.toMillis())).setUserAgent("healthcode-federation"));
    }

    /**
     * Whether {@code home} takes part in federation: on the national trust list held, with a
     * federation key, and this province has one too. Not asked otherwise (counted NOT_FEDERATED).
     */
    public boolean federated(String home) {
        NationalTrustList.Province entry = entry(home);
        boolean federated = entry != null && !entry.federationKeys().isEmpty() && federationKey.signingKey().isPresent();
        if (!federated) {
            metrics.counter(CALLS, "province", home, "outcome", "NOT_FEDERATED").increment();
        }
        return federated;
    }

    private NationalTrustList.Province entry(String home) {
        NationalTrustList list = trust.national().map(NationalTrust::held).orElse(null);
        return list == null ? null : list.province(home);
    }

    /**
     * The colour {@code home} (a {@link #federated} province) holds now for the holder of
     * {@code token} (a valid code it issued to {@code subjectId}); fails with {@link NoAnswer} when
     * none came within the timeout.
     */
    @CacheResult(cacheName = "home-colours")
    public Uni<CurrentColour> colour(@CacheKey String home, @CacheKey String subjectId, String token) {
        NationalTrustList.Province entry = entry(home);
        SigningKey key = federationKey.signingKey().orElse(null);
        if (entry == null || entry.federationKeys().isEmpty() || key == null) {
            return Uni.createFrom().failure(() -> counted(home, new NoAnswer("NOT_FEDERATED")));
        }
        String base = entry.verificationApi().toString();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + COLOUR_PATH;
        String request = FederationMessage.sign(key, province, home, UUID.randomUUID().toString(),
                Map.of("token", token), FederationMessage.MAX_LIFETIME, clock);
        return client.postAbs(url).timeout(Math.max(1, timeout.toMillis()))
                .putHeader("Content-Type", "application/jose").putHeader("Accept", "application/json")
                .sendBuffer(Buffer.buffer(request))
                .onFailure().transform(failure -> new NoAnswer(failure instanceof TimeoutException
                        || failure.getCause() instanceof TimeoutException ? "TIMEOUT" : "UNREACHABLE"))
                .map(response -> answer(home, subjectId, response))
                .onFailure().transform(failure -> counted(home, failure instanceof NoAnswer noAnswer ? noAnswer
                        : new NoAnswer("ERROR")))
                .invoke(colour -> metrics.counter(CALLS, "province", home, "outcome", "ANSWERED").increment());
    }

    private CurrentColour answer(String home, String subjectId, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 404) {
            throw new NoAnswer("UNKNOWN_SUBJECT");
        }
        if (status >= 400 && status < 500) {
            // what the home province objected to (its error code: never personal data)
            LOG.warnf("Federation: %s refused the colour request: HTTP %s %s", home, status, errorOf(response));
            throw new NoAnswer("REFUSED");
        }
        if (status != 200) {
            throw new NoAnswer("ERROR");
        }
        try {
            JsonNode body = JSON.readTree(response.bodyAsString());
            Colour colour = Colour.valueOf(body.path("colour").asText(""));
            Instant asOf = Instant.parse(body.path("asOf").asText(""));
            return new CurrentColour(subjectId, colour, body.path("gold").asBoolean(false), home, asOf);
        } catch (IOException | RuntimeException e) {
            throw new NoAnswer("ERROR");
        }
    }

    private static String errorOf(HttpResponse<Buffer> response) {
        try {
            return JSON.readTree(response.bodyAsString()).path("error").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private NoAnswer counted(String home, NoAnswer noAnswer) {
        metrics.counter(CALLS, "province", home, "outcome", noAnswer.outcome()).increment();
        LOG.debugf("Federation: no colour from %s (%s)", home, noAnswer.outcome());
        return noAnswer;
    }

    /** This province's code: the {@code iss} of what it asks. */
    public String province() {
        return province;
    }
}
