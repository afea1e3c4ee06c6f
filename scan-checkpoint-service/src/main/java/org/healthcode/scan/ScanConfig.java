package org.healthcode.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

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
