package dev.recruitdesk.api;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Client-side pacing: one token bucket per endpoint (method + path template), because SmartRecruiters counts its
 * 10 requests/s per endpoint. Being a little under the limit is far cheaper than a 429 and its backoff.
 */
final class EndpointPacer {

    private final double perSecond;
    private final ClientOptions.Sleeper sleeper;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    EndpointPacer(double perSecond, ClientOptions.Sleeper sleeper) {
        this.perSecond = perSecond;
        this.sleeper = sleeper;
    }

    /** Blocks until the endpoint may be called again. */
    void acquire(String endpoint) throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(endpoint, k -> new Bucket(perSecond));
        long waitNanos = bucket.reserve(System.nanoTime());
        if (waitNanos > 0) {
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }

    /** The server said this endpoint has no requests left in its window: keep off it for {@code pause}. */
    void holdOff(String endpoint, Duration pause) {
        if (perSecond <= 0) {
            return;
        }
        buckets.computeIfAbsent(endpoint, k -> new Bucket(perSecond)).drain(System.nanoTime(), pause.toNanos());
    }

    /**
     * Reservation-style bucket: a caller takes the next free slot and sleeps until it, so waiting callers are served
     * in arrival order without spinning. No burst: evenly spaced calls keep a sliding-window limiter on the server
     * from ever seeing more than its limit in one second, and the steady rate is the same.
     */
    private static final class Bucket {
        private final long intervalNanos;
        private long nextFree;

        Bucket(double perSecond) {
            this.intervalNanos = (long) (1_000_000_000L / perSecond);
            this.nextFree = System.nanoTime();
        }

        synchronized long reserve(long now) {
            long slot = Math.max(nextFree, now);
            nextFree = slot + intervalNanos;
            return slot - now;
        }

        synchronized void drain(long now, long pauseNanos) {
            nextFree = Math.max(nextFree, now + pauseNanos);
        }
    }
}
