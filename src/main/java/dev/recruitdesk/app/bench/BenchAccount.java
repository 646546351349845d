package dev.recruitdesk.app.bench;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.service.AccountSettings;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.BackendOptions;
import dev.recruitdesk.service.ServiceException;
import dev.recruitdesk.service.secret.EncryptedFileSecretStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The account every bench part uses: the bench's own simulator, client pacing off (the simulator's limit is off too,
 * so the figures show the client and the cache, not the waiting). The secret goes to the encrypted file so the bench
 * never prompts a keychain. Backends are opened without {@code start()}: the bench runs each sync itself.
 */
final class BenchAccount {

    private final URI baseUrl;
    private final String apiKey;

    BenchAccount(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    URI baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    static ClientOptions clientOptions() {
        return ClientOptions.builder().requestsPerSecond(0).build();
    }

    SmartRecruitersClient client() {
        return new SmartRecruitersClient(baseUrl, new Credentials.ApiKey(apiKey), clientOptions());
    }

    /** Opens (creating if needed) the backend in {@code dir}, with this account saved. */
    Backend open(Path dir) throws ServiceException {
        Backend b = openExisting(dir);
        b.accountService().save(new AccountSettings(false, baseUrl.toString(), AccountSettings.AuthMode.API_KEY,
                null, null), apiKey, null);
        return b;
    }

    /** Opens a backend whose account was saved before (or that only reads its cache). */
    static Backend openExisting(Path dir) {
        return openExisting(dir, clientOptions());
    }

    /** As {@link #openExisting(Path)}, its client with {@code client} options (e.g. the app's own pacing). */
    static Backend openExisting(Path dir, ClientOptions client) {
        BackendOptions options = BackendOptions.of(a -> new SmartRecruitersClient(a.baseUrl(), a.credentials(), client))
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withSecretStore(new EncryptedFileSecretStore(dir));
        return Backend.open(dir, options);
    }
}
