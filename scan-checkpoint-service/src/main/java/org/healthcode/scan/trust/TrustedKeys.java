package org.healthcode.scan.trust;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.TrustList;
import org.healthcode.kit.code.token.VerificationKeys;
import org.healthcode.scan.ScanConfig;
import org.jboss.logging.Logger;

/**
 * The trust list this checkpoint verifies codes with: the inline list of {@code scan.trust-list},
 * joined with the JWKS of each {@code scan.trust-list-url.<province>}, fetched at start and every
 * {@code scan.trust-list-refresh}. A failed fetch keeps the last good copy of that province and is
 * retried every {@code scan.trust-list-retry}. When {@code scan.national-trust-list.url} is set, the
 * national list's keys join last (fetched at start and every {@code scan.national-trust-list.refresh},
 * after a failure every {@code scan.national-trust-list.retry}, see {@link NationalTrust}): for a key
 * id a province also publishes itself, the national list's status and window apply, so a revocation
 * there wins. Verification never waits for the network.
 *
 * <p>Operators see the national list held as {@code healthcode_trust_list_version} and
 * {@code healthcode_trust_list_age_seconds} (since its issue time; both NaN while none is held)
 * and in the readiness check {@code national-trust-list}.
 */
@ApplicationScoped
public class TrustedKeys {

    private static final Logger LOG = Logger.getLogger(TrustedKeys.class);

    private final TrustList inline;
    private final Map<String, URI> urls;
    private final Duration refresh;
    private final Duration retry;
    private final Duration skew;
    private final Clock clock;
    private final JwksFetcher fetcher = new JwksFetcher();

    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
    private final Map<String, Long> nextFetch = new ConcurrentHashMap<>();
    private final AtomicReference<TokenVerifier> verifier = new AtomicReference<>();

    /** The last good copy of a province's JWKS. */
    private record Fetched(VerificationKeys keys, long atNanos) {
    }

    public static final String LIST_VERSION = "healthcode.trust.list.version";
    public static final String LIST_AGE = "healthcode.trust.list.age";

    private final Optional<NationalTrust> national;

    public TrustedKeys(ScanConfig config, Clock clock, MeterRegistry registry) {
        this.inline = config.trustList().map(String::strip).filter(text -> !text.isEmpty()).map(TrustedKeys::parseInline)
                .orElse(TrustList.empty());
        this.urls = urls(config.trustListUrl());
        this.refresh = config.trustListRefresh();
        this.retry = config.trustListRetry();
        this.skew = config.clockSkew();
        this.clock = clock;
        this.verifier.set(new TokenVerifier(inline, skew, clock));
        this.national = NationalTrust.of(config.nationalTrustList(), clock);
        national.ifPresent(list -> {
            Gauge.builder(LIST_VERSION, list, held -> held.held() == null ? Double.NaN : held.held().version())
                    .description("Version of the national trust list held; NaN while none is held")
                    .register(registry);
            Gauge.builder(LIST_AGE, list, held -> held.age() == null ? Double.NaN : held.age().toMillis() / 1000.0)
                    .description("Time since the national trust list held was issued; NaN while none is held")
                    .baseUnit("seconds")
                    .register(registry);
        });
    }

    /** Fetches every URL once before the service takes requests. */
    void onStart(@Observes StartupEvent start) {
        urls.keySet().forEach(this::fetch);
        national.ifPresent(NationalTrust::refresh);
        rebuild();
        LOG.infof("Trust list: %s", verifier.get().trustList().provinces());
    }

    /**
     * Fetches what is due: a province's refresh of a good copy or retry after a failure, and the
     * national list's (its own refresh and retry, see {@link NationalTrust#due()}).
     */
    @Scheduled(every = "${scan.trust-list-retry:10s}", delayed = "${scan.trust-list-retry:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshDue() {
        long now = System.nanoTime();
        boolean changed = false;
        for (String province : urls.keySet()) {
            if (now - nextFetch.getOrDefault(province, now) >= 0) {
                changed |= fetch(province);
            }
        }
        if (national.isPresent() && national.get().due()) {
            changed |= national.get().refresh();
        }
        if (changed) {
            rebuild();
        }
    }

    /** Fetches the national trust list now; true when a newer list was accepted (the verifier then has it). */
    public boolean refreshNationalList() {
        if (national.isEmpty() || !national.get().refresh()) {
            return false;
        }
        rebuild();
        return true;
    }

    /** The national trust list's source, when one is configured. */
    public Optional<NationalTrust> national() {
        return national;
    }

    /** The verifier of the current trust list; replaced, never changed, when a fetch brings new keys. */
    public TokenVerifier verifier() {
        return verifier.get();
    }

    public TrustList trustList() {
        return verifier.get().trustList();
    }

    private boolean fetch(String province) {
        URI url = urls.get(province);
        try {
            VerificationKeys keys = fetcher.fetch(url);
            fetched.put(province, new Fetched(keys, System.nanoTime()));
            nextFetch.put(province, System.nanoTime() + refresh.toNanos());
            LOG.debugf("Trust list: %s keys of %s fetched", keys.keys().size(), province);
            return true;
        } catch (IOException e) {
            failed(province, url, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(province, url, "interrupted");
        }
        return false;
    }

    private void failed(String province, URI url, String reason) {
        nextFetch.put(province, System.nanoTime() + retry.toNanos());
        Fetched last = fetched.get(province);
        LOG.warnf("Trust list: fetching the keys of %s from %s failed (%s); %s", province, url, reason,
                last == null ? "none fetched yet, retrying in " + retry.toSeconds() + " s"
                        : "keeping the copy of " + Duration.ofNanos(System.nanoTime() - last.atNanos()).toSeconds()
                                + " s ago");
    }

    private synchronized void rebuild() {
        TrustList list = inline;
        for (Map.Entry<String, Fetched> entry : new TreeMap<>(fetched).entrySet()) {
            list = list.merge(TrustList.of(entry.getKey(), entry.getValue().keys()));
        }
        // Last, so that its status and window win for a key id a province also publishes itself.
        NationalTrustList nationalList = national.map(NationalTrust::held).orElse(null);
        if (nationalList != null) {
            list = list.merge(nationalList.toTrustList());
        }
        verifier.set(new TokenVerifier(list, skew, clock));
    }

    private static TrustList parseInline(String json) {
        try {
            return TrustList.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ScanConfig.TRUST_LIST + " (environment SCAN_TRUST_LIST) is not a trust list: "
                    + e.getMessage() + ". Expected {\"<province>\":{\"keys\":[JWK…]}, …}");
        }
    }

    private static Map<String, URI> urls(Map<String, String> configured) {
        Map<String, URI> urls = new TreeMap<>();
        configured.forEach((province, text) -> {
            String property = ScanConfig.TRUST_LIST_URL + "." + province;
            if (text == null || text.isBlank() || text.strip().equals("none")) {
                return;
            }
            if (!province.matches("[0-9]{2}0000")) {
                throw new IllegalStateException(property + ": '" + province + "' is not a province code such as 330000");
            }
            try {
                URI url = new URI(text.strip());
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                    throw new URISyntaxException(text, "not an http(s) URL");
                }
                urls.put(province, url);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(property + " is not an http(s) URL");
            }
        });
        return Map.copyOf(urls);
    }
}
