package org.healthcode.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.healthcode.scan.domain.ForeignColourFallback;

/** This service's own settings. The poster key has no default anywhere: an operator must supply it. */
@ConfigMapping(prefix = "scan")
public interface ScanConfig {

    String POSTER_KEY = "scan.poster-key";
    String TRUST_LIST = "scan.trust-list";
    String TRUST_LIST_URL = "scan.trust-list-url";

    /** Base64 of 32 bytes: the HMAC key that signs venue poster codes (env SCAN_POSTER_KEY). */
    Optional<String> posterKey();

    /**
     * Trusted provinces and their public keys, inline: {@code {"330000":{"keys":[JWK…]}, …}}
     * (env SCAN_TRUST_LIST).
     */
    Optional<String> trustList();

    /**
     * Province → URL of that province's JWKS, fetched at start and then every
     * {@link #trustListRefresh()} (env SCAN_TRUST_LIST_URL_330000, …); the value {@code none} turns
     * an entry off.
     */
    Map<String, String> trustListUrl();

    /** How often a fetched JWKS is fetched again. */
    @WithDefault("5m")
    Duration trustListRefresh();

    /** How soon a failed fetch is tried again (the last good copy stays in use meanwhile). */
    @WithDefault("10s")
    Duration trustListRetry();

    /** The national trust list, an additional source of provinces' keys; off unless its URL is set. */
    NationalTrustListConfig nationalTrustList();

    /**
     * Where the national hub publishes its signed trust list and the anchor key it must be signed
     * with. Its keys join the trust list (and win over the same province's key id from elsewhere).
     */
    interface NationalTrustListConfig {

        String URL = "scan.national-trust-list.url";
        String ANCHOR_KEY = "scan.national-trust-list.anchor-key";

        /** The signed list's http(s) URL (env SCAN_NATIONAL_TRUST_LIST_URL); absent: not used. */
        Optional<String> url();

        /**
         * The trust anchor's public key, pinned: one JWK {@code {"kty":"EC","crv":"P-256","kid":…,"x":…,"y":…}}
         * (env SCAN_NATIONAL_TRUST_LIST_ANCHOR_KEY). Required with the URL.
         */
        Optional<String> anchorKey();

        /** How often the list is fetched again after a fetch that brought a good list. */
        @WithDefault("5m")
        Duration refresh();

        /** How soon a failed or refused fetch is tried again (the list held stays in use meanwhile). */
        @WithDefault("30s")
        Duration retry();
    }

    /**
     * This province's GB/T 2260 code (env SCAN_PROVINCE): its residents' colours are in this
     * service's table; a code issued by another province is a visitor's, whose colour its home
     * province is asked for. The audience of federation requests to this province.
     */
    @WithDefault("330000")
    String province();

    /** Asking other provinces for their residents' colours, and answering theirs. */
    Federation federation();

    /**
     * What a visitor's valid code decides when their home province cannot be asked (env
     * SCAN_FOREIGN_COLOUR_FALLBACK): {@code TOKEN} the colour in the code, {@code DENY} refused.
     */
    @WithDefault("TOKEN")
    ForeignColourFallback foreignColourFallback();

    /** Province-to-province calls, signed with this province's federation key. */
    interface Federation {

        String KEY = "scan.federation.key";

        /**
         * {@code kid:base64(PKCS#8 EC P-256 private key)} (env SCAN_FEDERATION_KEY): this province's
         * federation key, whose public half the national trust list lists as its federation key.
         * Without it this checkpoint asks no other province (the fallback applies) and publishes
         * no federation JWKS.
         */
        Optional<String> key();

        /** How long a scan waits for a home province's answer before the fallback applies. */
        @WithDefault("800ms")
        Duration timeout();

        /** How long a home province's answer is reused for the same person (the cache {@code home-colours}). */
        @WithDefault("30s")
        Duration cacheFor();

        /** Sending contacts found among visitors to their home provinces. */
        Contacts contacts();

        /** How findings are sent home ({@code ContactSender}). */
        interface Contacts {

            /** How often the findings due are looked for (they are also sent as soon as they are queued). */
            @WithDefault("1s")
            Duration sendEvery();

            /** The longest one send waits for the home's answer. */
            @WithDefault("5s")
            Duration timeout();

            /** The wait after a first unacknowledged send; doubled after each further one. */
            @WithDefault("5s")
            Duration retryMin();

            /** The longest wait between two sends of a finding not acknowledged yet. */
            @WithDefault("10m")
            Duration retryMax();
        }
    }

    /** Clock difference tolerated after a code's expiry. */
    @WithDefault("30s")
    Duration clockSkew();

    /** Pixels per QR module of a poster PNG. */
    @WithDefault("8")
    int posterScale();

    /** The province's time zone, for what "today" means in a trip's date. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
