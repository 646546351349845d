package dev.recruitdesk.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Holds the bearer token from {@code POST /identity/oauth/token}. The lock is held while fetching, so threads that
 * all need a token at once cause one fetch, not eight. The token is refreshed 60 s before it expires.
 */
final class OAuthTokenCache {

    /** Fetches a fresh token; the client's retry and error handling live behind it. */
    @FunctionalInterface
    interface Fetcher {
        Token fetch() throws ApiException;
    }

    record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[****, lifetime=" + lifetime + "]";
        }
    }

    private static final Duration EARLY = Duration.ofSeconds(60);

    private final Clock clock;
    private final Fetcher fetcher;
    private final Redactor redactor;
    private String token;
    private Instant refreshAt = Instant.MIN;

    OAuthTokenCache(Clock clock, Fetcher fetcher, Redactor redactor) {
        this.clock = clock;
        this.fetcher = fetcher;
        this.redactor = redactor;
    }

    synchronized String current() throws ApiException {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            Token fresh = fetcher.fetch();
            token = fresh.value();
            redactor.add(token);
            Duration life = fresh.lifetime();
            // Short-lived tokens: refreshing 60 s early would mean refreshing on every call; use half the life then.
            Duration early = life.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : life.dividedBy(2);
            refreshAt = clock.instant().plus(life).minus(early);
        }
        return token;
    }

    /** A 401 came back for {@code used}: forget it, unless another thread has already replaced it. */
    synchronized void invalidate(String used) {
        if (Objects.equals(token, used)) {
            token = null;
        }
    }
}
