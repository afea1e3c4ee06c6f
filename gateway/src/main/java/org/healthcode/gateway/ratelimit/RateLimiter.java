package org.healthcode.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller, in memory: each caller may make {@code burst} calls at once and
 * {@code perSecond} calls a second after that. A bucket left alone long enough to refill is
 * dropped, since a fresh one would behave the same; memory therefore holds only the callers of
 * the last few seconds.
 */
public final class RateLimiter {

    /** The answer for one call; {@code retryAfterSeconds} is how long until a token is free. */
    public record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);
    }

    private record Bucket(double tokens, long at, boolean granted) {
    }

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    /** Time for an empty bucket to fill up: after that much idleness a bucket is forgettable. */
    private final long refillNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in production) */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs per-second > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.refillNanos = (long) Math.ceil(burst / perSecond * NANOS_PER_SECOND);
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    /** Takes a token from the caller's bucket if one is there. */
    public Decision take(String caller) {
        long now = nanoTime.getAsLong();
        forgetIdle(now);
        Bucket bucket = buckets.compute(caller, (key, previous) -> next(previous, now));
        return bucket.granted() ? Decision.ALLOWED : new Decision(false, secondsUntilOneToken(bucket.tokens()));
    }

    /** How many callers are remembered now. */
    public int tracked() {
        return buckets.size();
    }

    private Bucket next(Bucket previous, long now) {
        double tokens = previous == null ? burst
                : Math.min(burst, previous.tokens() + (now - previous.at()) * perSecond / NANOS_PER_SECOND);
        return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
    }

    private long secondsUntilOneToken(double tokens) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** At most once per refill period, so the cost stays a small share of the calls. */
    private void forgetIdle(long now) {
        long last = lastSweep.get();
        if (now - last >= refillNanos && lastSweep.compareAndSet(last, now)) {
            // conditional removal per entry: a bucket replaced meanwhile by a call stays
            buckets.values().removeIf(bucket -> now - bucket.at() >= refillNanos);
        }
    }
}
