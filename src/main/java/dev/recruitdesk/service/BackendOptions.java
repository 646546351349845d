package dev.recruitdesk.service;

import dev.recruitdesk.api.SmartRecruitersApi;

import java.time.Duration;
import java.util.function.Function;

/**
 * How the {@link Backend} is put together. {@code apiFactory} builds a client for an account (the app passes e.g.
 * {@code a -> new SmartRecruitersClient(a.baseUrl(), a.credentials(), options)}, or a simulator-backed one in demo
 * mode); it may return null or throw when the account is not usable. {@code secretStore} null = OS keychain, else
 * the encrypted file.
 */
public record BackendOptions(Function<AccountSnapshot, SmartRecruitersApi> apiFactory, Duration syncInterval,
                             Duration orderPollInterval, SecretStore secretStore) {

    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ORDER_POLL_INTERVAL = Duration.ofSeconds(5);

    public BackendOptions {
        if (apiFactory == null) {
            throw new IllegalArgumentException("apiFactory is required");
        }
        syncInterval = syncInterval == null ? DEFAULT_SYNC_INTERVAL : syncInterval;
        orderPollInterval = orderPollInterval == null ? DEFAULT_ORDER_POLL_INTERVAL : orderPollInterval;
    }

    public static BackendOptions of(Function<AccountSnapshot, SmartRecruitersApi> apiFactory) {
        return new BackendOptions(apiFactory, null, null, null);
    }

    public BackendOptions withIntervals(Duration sync, Duration orderPoll) {
        return new BackendOptions(apiFactory, sync, orderPoll, secretStore);
    }

    public BackendOptions withSecretStore(SecretStore store) {
        return new BackendOptions(apiFactory, syncInterval, orderPollInterval, store);
    }
}
