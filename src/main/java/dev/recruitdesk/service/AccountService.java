package dev.recruitdesk.service;

/** Settings: load and save the account, test it, connect the assessment integration. Call off the FX thread. */
public interface AccountService {

    AccountSettings settings();

    /** The stored API key or OAuth secret exists (the value itself is never handed to the UI). */
    boolean hasSecret(SecretStore.Key key);

    /** Saves settings and any non-null secret (trimmed); null secret = keep the stored one. */
    void save(AccountSettings settings, String apiKeyOrNull, String oauthSecretOrNull) throws ServiceException;

    /** Tests the given values without saving them; a null secret means the stored one. */
    ConnectionCheck test(AccountSettings settings, String apiKeyOrNull, String oauthSecretOrNull);

    IntegrationState integration() throws ServiceException;

    /** Submits the external trigger token and email; on success keeps the token as a secret. */
    IntegrationState connectIntegration(String triggerToken, String email) throws ServiceException;

    /** Leaves demo mode: the next start uses the real account. */
    void leaveDemoMode() throws ServiceException;

    String secretBackendName();
}
