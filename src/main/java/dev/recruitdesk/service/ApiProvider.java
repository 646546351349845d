package dev.recruitdesk.service;

import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.function.Function;

/**
 * The current SmartRecruiters client, built from the saved settings and secrets on first use and again after the
 * settings change, so the sync and the screens always talk to the account the recruiter saved last.
 */
final class ApiProvider {

    private static final Logger log = LoggerFactory.getLogger(ApiProvider.class);

    private final Function<AccountSnapshot, SmartRecruitersApi> factory;
    private final SettingsFile settingsFile;
    private final SecretStore secrets;
    private SmartRecruitersApi current;

    ApiProvider(Function<AccountSnapshot, SmartRecruitersApi> factory, SettingsFile settingsFile, SecretStore secrets) {
        this.factory = factory;
        this.settingsFile = settingsFile;
        this.secrets = secrets;
    }

    synchronized SmartRecruitersApi api() throws ServiceException {
        if (current == null) {
            current = build(snapshot(settingsFile.load(), null, null));
        }
        return current;
    }

    /** Forgets the client; the next call builds one from the saved settings. */
    synchronized void reset() {
        current = null;
    }

    SmartRecruitersApi build(AccountSnapshot account) throws ServiceException {
        SmartRecruitersApi api;
        try {
            api = factory.apply(account);
        } catch (RuntimeException e) {
            log.warn("Cannot build a SmartRecruiters client: {}", e.getClass().getSimpleName());
            throw notSetUp();
        }
        if (api == null) {
            throw notSetUp();
        }
        return api;
    }

    /** The account from {@code settings}; a null secret argument means the stored one. */
    AccountSnapshot snapshot(AccountSettings settings, String apiKeyOrNull, String oauthSecretOrNull) {
        URI base = null;
        String url = Validation.cleanPasted(settings.baseUrl());
        if (!url.isEmpty() && Validation.baseUrl(url).isEmpty()) {
            base = URI.create(url);
        }
        Credentials credentials = null;
        if (settings.authMode() == AccountSettings.AuthMode.OAUTH) {
            String secret = oauthSecretOrNull != null ? Validation.cleanPasted(oauthSecretOrNull)
                    : secrets.get(SecretStore.Key.OAUTH_CLIENT_SECRET).orElse(null);
            if (secret != null && !secret.isEmpty() && settings.oauthClientId() != null) {
                credentials = new Credentials.OAuthClient(settings.oauthClientId().strip(), secret);
            }
        } else {
            String key = apiKeyOrNull != null ? Validation.cleanPasted(apiKeyOrNull)
                    : secrets.get(SecretStore.Key.API_KEY).orElse(null);
            if (key != null && !key.isEmpty()) {
                credentials = new Credentials.ApiKey(key);
            }
        }
        return new AccountSnapshot(settings.demoMode(), base, credentials, settings.recruiterEmail());
    }

    String recruiterEmail() {
        return settingsFile.load().recruiterEmail();
    }

    private static ServiceException notSetUp() {
        return new ServiceException(ServiceException.Reason.INVALID,
                "The SmartRecruiters account is not set up: open Settings");
    }
}
