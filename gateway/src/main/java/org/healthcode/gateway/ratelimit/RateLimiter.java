package org.healthcode.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller (Bucket4j), in memory: each caller may make {@code burst} calls at
 * once and {@code perSecond} calls a second after that, the tokens coming back continuously. A
 * bucket left alone long enough to refill is dropped (Caffeine, expiring after that much
 * idleness), since a fresh one would behave the same; memory therefore holds only the callers of
 * the last few seconds.
 */
public final class RateLimiter {

    /** The answer for one call; {@code retryAfterSeconds} is how long until a token is free. */
    public record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Bandwidth limit;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in production) */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs per-second > 0 and burst >= 1");
        }
        // the whole burst comes back in this long, a token at a time: perSecond tokens a second
        Duration refill = Duration.ofNanos((long) Math.ceil(burst / perSecond * NANOS_PER_SECOND));
        this.limit = Bandwidth.builder().capacity(burst).refillGreedy(burst, refill).build();
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refill).ticker(nanoTime::getAsLong)
                .executor(Runnable::run).build();
    }

    /** Takes a token from the caller's bucket if one is there. */
    public Decision take(String caller) {
        Bucket bucket = buckets.get(caller,
                key -> Bucket.builder().addLimit(limit).withCustomTimePrecision(clock).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        long wait = probe.getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (wait + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
    }

    /** How many callers are remembered now. */
    public int tracked() {
        buckets.cleanUp();
        return (int) buckets.estimatedSize();
    }
}
