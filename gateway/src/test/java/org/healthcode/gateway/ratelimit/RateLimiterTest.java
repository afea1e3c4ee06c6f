package org.healthcode.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(20, 40, nanos::get);

    private void advance(long amount, TimeUnit unit) {
        nanos.addAndGet(unit.toNanos(amount));
    }

    private int allowedInARow(String caller) {
        int allowed = 0;
        while (limiter.take(caller).allowed()) {
            allowed++;
        }
        return allowed;
    }

    @Test
    void aNewCallerHasTheWholeBurstThenIsRefused() {
        assertEquals(40, allowedInARow("sub:alice"));
        RateLimiter.Decision refused = limiter.take("sub:alice");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void tokensComeBackAtTheSustainedRate() {
        allowedInARow("sub:alice");
        advance(50, TimeUnit.MILLISECONDS); // 20 a second: one token every 50 ms
        assertTrue(limiter.take("sub:alice").allowed());
        assertFalse(limiter.take("sub:alice").allowed());
        advance(500, TimeUnit.MILLISECONDS);
        assertEquals(10, allowedInARow("sub:alice"));
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurst() {
        limiter.take("sub:alice");
        advance(1, TimeUnit.HOURS);
        assertEquals(40, allowedInARow("sub:alice"));
    }

    @Test
    void oneCallersFloodLeavesOthersUntouched() {
        allowedInARow("sub:alice");
        assertEquals(40, allowedInARow("sub:bob"));
        assertEquals(40, allowedInARow("ip:192.0.2.7"));
    }

    @Test
    void retryAfterIsTheWaitForTheNextTokenRoundedUpToWholeSeconds() {
        RateLimiter slow = new RateLimiter(0.25, 1, nanos::get); // one call every 4 s
        assertTrue(slow.take("sub:alice").allowed());
        assertEquals(4, slow.take("sub:alice").retryAfterSeconds());
        advance(2500, TimeUnit.MILLISECONDS);
        RateLimiter.Decision later = slow.take("sub:alice");
        assertFalse(later.allowed());
        assertEquals(2, later.retryAfterSeconds());
        advance(1500, TimeUnit.MILLISECONDS);
        assertTrue(slow.take("sub:alice").allowed());
    }

    @Test
    void idleCallersAreForgottenAndComeBackWithAFullBurst() {
        for (int i = 0; i < 1000; i++) {
            limiter.take("ip:10.0.0." + i);
        }
        limiter.take("sub:alice");
        assertEquals(1001, limiter.tracked());

        advance(2, TimeUnit.SECONDS); // 40 tokens at 20 a second: every bucket is full again
        limiter.take("sub:bob");
        assertEquals(1, limiter.tracked());
        assertEquals(40, allowedInARow("sub:alice"));
    }

    @Test
    void aCallerStillRefillingIsKept() {
        allowedInARow("sub:alice");
        advance(1500, TimeUnit.MILLISECONDS);
        limiter.take("sub:alice"); // 30 back, 29 left: not yet forgettable
        advance(600, TimeUnit.MILLISECONDS);
        limiter.take("sub:bob");
        assertEquals(2, limiter.tracked());
        assertEquals(40, allowedInARow("sub:alice"));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 40, nanos::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(20, 0, nanos::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.NaN, 40, nanos::get));
    }
}
