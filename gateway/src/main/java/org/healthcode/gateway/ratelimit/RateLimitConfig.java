package org.healthcode.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls allowed per caller (the token's {@code sub}, or the client IP without a token). */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** Sustained calls per second. */
    @WithDefault("20")
    double perSecond();

    /** Calls allowed at once before the sustained rate applies. */
    @WithDefault("40")
    int burst();
}
