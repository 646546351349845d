package dev.recruitdesk.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * SmartRecruiters' documented limits: a token bucket of N requests per second per endpoint (method + path template),
 * a cap on requests in flight, and one candidate listing in flight. One account only, so the in-flight counts are
 * per simulator rather than per credential.
 */
final class RateLimiter {

    private final boolean enabled;
    private final int perSecond;
    private final int concurrentLimit;
    private final int listLimit;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger listsInFlight = new AtomicInteger();

    RateLimiter(boolean enabled, int perSecond, int concurrentLimit, int listLimit, LongSupplier nanoClock) {
        this.enabled = enabled;
        this.perSecond = perSecond;
        this.concurrentLimit = concurrentLimit;
        this.listLimit = listLimit;
        this.nanoClock = nanoClock;
    }

    /** Takes a slot for one request; the caller must {@link Permit#release()} it once the response is sent. */
    Permit acquire(String endpoint, boolean candidateList) {
        if (!enabled) {
            return new Permit(true, perSecond, perSecond, candidateList ? listLimit : concurrentLimit,
                    candidateList ? listLimit : concurrentLimit, null);
        }
        int total = inFlight.incrementAndGet();
        int lists = candidateList ? listsInFlight.incrementAndGet() : 0;
        boolean concurrencyOk = total <= concurrentLimit && (!candidateList || lists <= listLimit);
        Bucket bucket = buckets.computeIfAbsent(endpoint, k -> new Bucket(perSecond, nanoClock.getAsLong()));
        int remaining;
        boolean granted;
        synchronized (bucket) {
            bucket.refill(perSecond, nanoClock.getAsLong());
            granted = concurrencyOk && bucket.tokens >= 1.0;
            if (granted) {
                bucket.tokens -= 1.0;
            }
            remaining = (int) Math.floor(bucket.tokens);
        }
        int cLimit = candidateList ? listLimit : concurrentLimit;
        int cRemaining = Math.max(0, candidateList ? listLimit - lists : concurrentLimit - total);
        if (!granted) {
            releaseCounts(candidateList);
            return new Permit(false, perSecond, remaining, cLimit, cRemaining, null);
        }
        return new Permit(true, perSecond, remaining, cLimit, cRemaining, () -> releaseCounts(candidateList));
    }

    /** Header values for a response that took no slot (errors before routing or authentication). */
    Permit peek() {
        int remaining = Math.max(0, concurrentLimit - inFlight.get());
        return new Permit(true, perSecond, perSecond, concurrentLimit, remaining, null);
    }

    private void releaseCounts(boolean candidateList) {
        inFlight.decrementAndGet();
        if (candidateList) {
            listsInFlight.decrementAndGet();
        }
    }

    /** The outcome of {@link #acquire} and the X-RateLimit-* values to send. */
    static final class Permit {
        final boolean granted;
        final int limit;
        final int remaining;
        final int concurrentLimit;
        final int concurrentRemaining;
        private Runnable release;

        Permit(boolean granted, int limit, int remaining, int concurrentLimit, int concurrentRemaining,
               Runnable release) {
            this.granted = granted;
            this.limit = limit;
            this.remaining = remaining;
            this.concurrentLimit = concurrentLimit;
            this.concurrentRemaining = concurrentRemaining;
            this.release = release;
        }

        synchronized void release() {
            if (release != null) {
                release.run();
                release = null;
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.lastNanos = now;
        }

        void refill(int perSecond, long now) {
            long elapsed = now - lastNanos;
            if (elapsed > 0) {
                tokens = Math.min(perSecond, tokens + elapsed * perSecond / 1_000_000_000.0);
                lastNanos = now;
            }
        }
    }
}
