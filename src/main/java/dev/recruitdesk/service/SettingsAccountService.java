package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/** {@link AccountService}: settings.json for the plain settings, the {@link SecretStore} for the secrets. */
public final class SettingsAccountService implements AccountService {

    private static final int MAX_CREDENTIAL = 512;

    private static final Logger log = LoggerFactory.getLogger(SettingsAccountService.class);
    static final String INVALID_TOKEN = "INVALID_EXTERNAL_TRIGGER_TOKEN";

    private final SettingsFile file;
    private final SecretStore secrets;
    private final ApiProvider apis;
    private final ChangeFeed feed;

    private final Runnable onAccountChanged;

    SettingsAccountService(SettingsFile file, SecretStore secrets, ApiProvider apis, ChangeFeed feed) {
        this(file, secrets, apis, feed, () -> { });
    }

    /** {@code onAccountChanged} runs after a save that points at another SmartRecruiters account than before. */
    SettingsAccountService(SettingsFile file, SecretStore secrets, ApiProvider apis, ChangeFeed feed, Runnable onAccountChanged) {
        this.onAccountChanged = onAccountChanged;
        this.file = file;
        this.secrets = secrets;
        this.apis = apis;
        this.feed = feed;
    }

    @Override
    public AccountSettings settings() {
        return file.load();
    }

    @Override
    public boolean hasSecret(SecretStore.Key key) {
        return secrets.get(key).isPresent();
    }

    @Override
    public void save(AccountSettings settings, String apiKeyOrNull, String oauthSecretOrNull) throws ServiceException {
        Optional<String> problem = validate(settings, apiKeyOrNull, oauthSecretOrNull);
        if (problem.isPresent()) {
            throw new ServiceException(ServiceException.Reason.INVALID, problem.get());
        }
        AccountSettings clean = new AccountSettings(settings.demoMode(), Validation.cleanPasted(settings.baseUrl()),
                settings.authMode() == null ? AccountSettings.AuthMode.API_KEY : settings.authMode(),
                Validation.cleanPasted(settings.oauthClientId()), Validation.cleanPasted(settings.recruiterEmail()));
        AccountSettings before = file.load();
        file.save(clean);
        putIfGiven(SecretStore.Key.API_KEY, apiKeyOrNull);
        putIfGiven(SecretStore.Key.OAUTH_CLIENT_SECRET, oauthSecretOrNull);
        apis.reset();
        log.info("Account settings saved (demo mode: {}, auth: {})", clean.demoMode(), clean.authMode());
        feed.publish(new ChangeEvent(ChangeEvent.Kind.SETTINGS, Set.of()));
        if (isAnotherAccount(before, clean)) {
            log.info("The account now points at another SmartRecruiters address: the cache is emptied and rebuilt");
            onAccountChanged.run();
        }
    }

    /** Another base URL (or the first one after none) means other candidates: the cache from before must go. */
    static boolean isAnotherAccount(AccountSettings before, AccountSettings after) {
        String was = before == null || before.baseUrl() == null ? "" : normalise(before.baseUrl());
        return !was.isEmpty() && !was.equals(normalise(after.baseUrl()));
    }

    private static String normalise(String url) {
        String u = Validation.cleanPasted(url).toLowerCase(java.util.Locale.ROOT);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private void putIfGiven(SecretStore.Key key, String value) {
        if (value != null && !Validation.cleanPasted(value).isEmpty()) {
            secrets.put(key, Validation.cleanPasted(value));
        }
    }

    @Override
    public ConnectionCheck test(AccountSettings settings, String apiKeyOrNull, String oauthSecretOrNull) {
        long start = System.nanoTime();
        Optional<String> problem = validate(settings, apiKeyOrNull, oauthSecretOrNull);
        if (problem.isPresent()) {
            return new ConnectionCheck(ConnectionCheck.Outcome.INVALID_INPUT, problem.get(), 0);
        }
        AccountSnapshot account = apis.snapshot(settings, apiKeyOrNull, oauthSecretOrNull);
        try {
            SmartRecruitersApi api = apis.build(account);
            String who = api.whoAmI();
            return new ConnectionCheck(ConnectionCheck.Outcome.OK,
                    "Connected" + (who == null || who.isBlank() ? "" : " as " + who), millis(start));
        } catch (ServiceException e) {
            return new ConnectionCheck(ConnectionCheck.Outcome.INVALID_INPUT, e.getMessage(), millis(start));
        } catch (ApiException e) {
            return new ConnectionCheck(outcome(e), checkWords(e, account), millis(start));
        }
    }

    private static ConnectionCheck.Outcome outcome(ApiException e) {
        if (e.isNetwork()) {
            return ConnectionCheck.Outcome.UNREACHABLE;
        }
        if (e.httpStatus() == 401 || e.httpStatus() == 403) {
            return ConnectionCheck.Outcome.WRONG_CREDENTIALS;
        }
        return ConnectionCheck.Outcome.SERVER_ERROR; // 5xx, or an answer that is not SmartRecruiters-shaped
    }

    private static String checkWords(ApiException e, AccountSnapshot account) {
        if (e.isNetwork()) {
            return "Cannot reach " + (account.baseUrl() == null ? "SmartRecruiters" : account.baseUrl().getHost());
        }
        if (e.httpStatus() == 401) {
            return "The API key was refused";
        }
        if (e.httpStatus() == 403) {
            return "The API key has no access to this";
        }
        return ApiErrors.words(e);
    }

    private Optional<String> validate(AccountSettings s, String apiKeyOrNull, String oauthSecretOrNull) {
        if (s.demoMode()) {
            return Optional.empty();
        }
        Optional<String> credential = credential(apiKeyOrNull, "The API key")
                .or(() -> credential(oauthSecretOrNull, "The client secret"))
                .or(() -> s.authMode() == AccountSettings.AuthMode.OAUTH
                        ? credential(s.oauthClientId(), "The client ID") : Optional.empty());
        if (credential.isPresent()) {
            return credential;
        }
        Optional<String> url = Validation.baseUrl(s.baseUrl());
        if (url.isPresent()) {
            return url;
        }
        if (s.recruiterEmail() != null && !s.recruiterEmail().isBlank()) {
            Optional<String> email = Validation.email(s.recruiterEmail());
            if (email.isPresent()) {
                return email;
            }
        }
        if (s.authMode() == AccountSettings.AuthMode.OAUTH) {
            Optional<String> id = Validation.required(s.oauthClientId(), "Client ID");
            if (id.isPresent()) {
                return id;
            }
            return hasValueOrStored(oauthSecretOrNull, SecretStore.Key.OAUTH_CLIENT_SECRET)
                    ? Optional.empty() : Optional.of("Client secret is required");
        }
        return hasValueOrStored(apiKeyOrNull, SecretStore.Key.API_KEY)
                ? Optional.empty() : Optional.of("API key is required");
    }

    /**
     * Keys, client IDs and secrets are printable ASCII: anything else (an accent, an emoji, a space inside, a pasted
     * paragraph) cannot be sent in a header and must not be stored. The value itself is never part of the message.
     */
    private static Optional<String> credential(String value, String what) {
        String v = Validation.cleanPasted(value);
        if (v.isEmpty()) {
            return Optional.empty(); // "required" is checked on its own, and null means "keep the stored one"
        }
        if (v.length() > MAX_CREDENTIAL) {
            return Optional.of(what + " is too long (at most " + MAX_CREDENTIAL + " characters)");
        }
        if (v.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.of(what + " contains characters it cannot have (spaces, accents or symbols)");
        }
        return Optional.empty();
    }

    private boolean hasValueOrStored(String value, SecretStore.Key key) {
        return value != null ? !Validation.cleanPasted(value).isEmpty() : secrets.get(key).isPresent();
    }

    @Override
    public IntegrationState integration() throws ServiceException {
        try {
            return state(apis.api().integration());
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public IntegrationState connectIntegration(String triggerToken, String email) throws ServiceException {
        String token = Validation.cleanPasted(triggerToken);
        if (token.isEmpty()) {
            throw new ServiceException(ServiceException.Reason.INVALID, "External trigger token is required");
        }
        Optional<String> bad = Validation.email(email);
        if (bad.isPresent()) {
            throw new ServiceException(ServiceException.Reason.INVALID, bad.get());
        }
        try {
            IntegrationState state = state(apis.api().connectIntegration(token, Validation.cleanPasted(email)));
            secrets.put(SecretStore.Key.TRIGGER_TOKEN, token);
            feed.publish(new ChangeEvent(ChangeEvent.Kind.SETTINGS, Set.of()));
            return state;
        } catch (ApiException e) {
            if (INVALID_TOKEN.equals(e.code())) {
                throw new ServiceException(ServiceException.Reason.INVALID, "The external trigger token was refused", e);
            }
            throw ApiErrors.toService(e);
        }
    }

    private static IntegrationState state(SmartRecruitersApi.IntegrationStatus s) {
        return new IntegrationState(s.connected(), s.name(), s.email(), s.connectedOn());
    }

    @Override
    public void leaveDemoMode() throws ServiceException {
        AccountSettings s = file.load();
        file.save(new AccountSettings(false, s.baseUrl(), s.authMode(), s.oauthClientId(), s.recruiterEmail()));
        apis.reset();
        feed.publish(new ChangeEvent(ChangeEvent.Kind.SETTINGS, Set.of()));
    }

    @Override
    public String secretBackendName() {
        return secrets.backendName();
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
