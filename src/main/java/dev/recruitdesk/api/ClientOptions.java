package dev.recruitdesk.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SmartRecruitersClient} paces, retries and times out. The defaults follow SmartRecruiters' published
 * limits (about 10 requests/s per endpoint, 8 in flight per credential).
 *
 * @param requestTimeout    how long one attempt may wait for the answer's headers
 * @param connectTimeout    how long to wait for a TCP connection
 * @param maxRetries        attempts after the first one for 429, 5xx, timeouts and resets
 * @param initialBackoff    first backoff ceiling; doubles per attempt, with full jitter
 * @param maxBackoff        ceiling of one backoff
 * @param maxRetryAfter     a {@code Retry-After} longer than this is not waited out: the call fails with 429 at once
 * @param requestsPerSecond client-side pacing per endpoint (method + path template); 0 turns pacing off
 * @param maxInFlight       requests in flight at once across all endpoints
 * @param clock             wall clock, for {@code Retry-After} dates and token expiry
 * @param sleeper           how the client waits between attempts (tests may shorten it)
 */
public record ClientOptions(Duration requestTimeout, Duration connectTimeout, int maxRetries, Duration initialBackoff,
                            Duration maxBackoff, Duration maxRetryAfter, double requestsPerSecond, int maxInFlight,
                            Clock clock, Sleeper sleeper) {

    /** Waits; a hook so tests can observe or shorten the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> {
            long ms = d.toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        };
    }

    public ClientOptions {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        clock = clock == null ? Clock.systemUTC() : clock;
        sleeper = sleeper == null ? Sleeper.REAL : sleeper;
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond must be >= 0");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1");
        }
    }

    public static ClientOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().requestTimeout(requestTimeout).connectTimeout(connectTimeout).maxRetries(maxRetries)
                .initialBackoff(initialBackoff).maxBackoff(maxBackoff).maxRetryAfter(maxRetryAfter)
                .requestsPerSecond(requestsPerSecond).maxInFlight(maxInFlight).clock(clock).sleeper(sleeper);
    }

    public static final class Builder {
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int maxRetries = 5;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private double requestsPerSecond = 10;
        private int maxInFlight = 8;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;

        private Builder() {
        }

        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }

        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }

        public Builder maxRetries(int v) { maxRetries = v; return this; }

        public Builder initialBackoff(Duration v) { initialBackoff = v; return this; }

        public Builder maxBackoff(Duration v) { maxBackoff = v; return this; }

        public Builder maxRetryAfter(Duration v) { maxRetryAfter = v; return this; }

        /** 0 = no client-side pacing (the server's 429s still slow the client down). */
        public Builder requestsPerSecond(double v) { requestsPerSecond = v; return this; }

        public Builder maxInFlight(int v) { maxInFlight = v; return this; }

        public Builder clock(Clock v) { clock = v; return this; }

        public Builder sleeper(Sleeper v) { sleeper = v; return this; }

        public ClientOptions build() {
            return new ClientOptions(requestTimeout, connectTimeout, maxRetries, initialBackoff, maxBackoff,
                    maxRetryAfter, requestsPerSecond, maxInFlight, clock, sleeper);
        }
    }
}
