package org.healthcode.scan.trust;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.TrustAnchor;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.scan.ScanConfig.NationalTrustListConfig;
import org.jboss.logging.Logger;

/**
 * The national trust list this checkpoint holds: fetched from the hub, accepted only when the pinned
 * anchor signed it and it is not older than the list held (a replay of an old list cannot bring a
 * revoked key back). A list refused, or a hub that does not answer, leaves the last good list in
 * use; the log says which and keeps the version held, and the fetch is tried again after
 * {@code scan.national-trust-list.retry} rather than the full refresh. Held in memory: after a
 * restart the first good fetch decides.
 */
public class NationalTrust {

    private static final Logger LOG = Logger.getLogger(NationalTrust.class);

    private final URI url;
    private final TrustAnchor anchor;
    private final Clock clock;
    private final JwksFetcher fetcher = new JwksFetcher();
    private final AtomicReference<NationalTrustList> held = new AtomicReference<>();
    private final AtomicReference<Refresh> last = new AtomicReference<>();

    /** How the last fetch went: {@code outcome} ACCEPTED, UNCHANGED, REFUSED or UNREACHABLE. */
    public record Refresh(Instant at, String outcome, String reason) {
    }

    private final Duration refresh;
    private final Duration retry;
    private volatile long nextFetchNanos = System.nanoTime();

    NationalTrust(URI url, TrustAnchor anchor, Duration refresh, Duration retry, Clock clock) {
        this.url = url;
        this.anchor = anchor;
        this.refresh = refresh;
        this.retry = retry;
        this.clock = clock;
    }

    /** Whether the next fetch is due: {@code refresh} after a good one, {@code retry} after a failed or refused one. */
    boolean due() {
        return System.nanoTime() - nextFetchNanos >= 0;
    }

    /** The national list of this configuration, or empty when no URL is set. */
    static Optional<NationalTrust> of(NationalTrustListConfig config, Clock clock) {
        Optional<String> url = config.url().map(String::strip).filter(text -> !text.isEmpty() && !text.equals("none"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String anchorKey = config.anchorKey().map(String::strip).filter(text -> !text.isEmpty())
                .orElseThrow(() -> new IllegalStateException(NationalTrustListConfig.ANCHOR_KEY
                        + " (environment SCAN_NATIONAL_TRUST_LIST_ANCHOR_KEY) is required with "
                        + NationalTrustListConfig.URL + ": the national trust anchor's public key, one JWK"));
        TrustAnchor anchor;
        try {
            anchor = new TrustAnchor(VerificationKey.fromJwk(anchorKey));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(NationalTrustListConfig.ANCHOR_KEY
                    + " is not a P-256 public key as a JWK with a kid");
        }
        try {
            URI uri = new URI(url.get());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url.get(), "not an http(s) URL");
            }
            return Optional.of(new NationalTrust(uri, anchor, config.refresh(), config.retry(), clock));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(NationalTrustListConfig.URL + " is not an http(s) URL");
        }
    }

    /** Fetches the list once; true when a newer list is now held. */
    public boolean refresh() {
        nextFetchNanos = System.nanoTime() + retry.toNanos();
        NationalTrustList before = held.get();
        String jws;
        try {
            jws = new String(fetcher.download(url, TrustAnchor.MAX_BYTES, "application/jose"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return unreachable(before, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(before, "interrupted");
        }
        try {
            NationalTrustList now = anchor.update(before, jws);
            held.set(now);
            nextFetchNanos = System.nanoTime() + refresh.toNanos();
            if (now == before) {
                last.set(new Refresh(clock.instant(), "UNCHANGED", null));
                return false;
            }
            last.set(new Refresh(clock.instant(), "ACCEPTED", null));
            LOG.infof("National trust list: version %s of %s accepted (%s provinces)", now.version(), now.issuedAt(),
                    now.provinces().size());
            return true;
        } catch (TrustAnchor.Refused e) {
            last.set(new Refresh(clock.instant(), "REFUSED", e.reason() + ": " + e.getMessage()));
            LOG.warnf("National trust list from %s refused (%s: %s); %s", url, e.reason(), e.getMessage(), keeping(before));
            return false;
        }
    }

    private boolean unreachable(NationalTrustList before, String reason) {
        last.set(new Refresh(clock.instant(), "UNREACHABLE", reason));
        LOG.warnf("National trust list: fetching %s failed (%s); %s", url, reason, keeping(before));
        return false;
    }

    private static String keeping(NationalTrustList before) {
        return before == null ? "none held yet" : "keeping version " + before.version();
    }

    /** The list held, or null before the first good fetch. */
    public NationalTrustList held() {
        return held.get();
    }

    /** How the last fetch went, or null before the first. */
    public Refresh lastRefresh() {
        return last.get();
    }

    /** How old the list held is (from its issue time), or null when none is held. */
    public Duration age() {
        NationalTrustList list = held.get();
        return list == null ? null : Duration.between(list.issuedAt(), clock.instant());
    }

    public URI url() {
        return url;
    }
}
