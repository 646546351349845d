package dev.recruitdesk.ui.settings;

import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.service.AccountService;
import dev.recruitdesk.service.AccountSettings;
import dev.recruitdesk.service.AccountSettings.AuthMode;
import dev.recruitdesk.service.ConnectionCheck;
import dev.recruitdesk.service.IntegrationState;
import dev.recruitdesk.service.SecretStore;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Errors;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Settings form. Validates as the user types (one message per field, shown next to it); Save, Test and Connect
 * are disabled while the values they need are invalid, with the reason in words. Stored secrets are never read back:
 * an empty secret field means "keep the stored one".
 */
public final class SettingsViewModel {

    /** Longer than any real key or token: a paste of the wrong thing (a whole e-mail, a file). */
    static final int MAX_SECRET_LENGTH = 512;

    public enum Busy { NONE, LOADING, SAVING, TESTING, CONNECTING, LEAVING_DEMO }

    public enum Outcome { NONE, OK, PROBLEM }

    private final AccountService account;
    private final TaskRunner tasks;
    private final Supplier<SyncStatus> syncStatus;

    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final ObjectProperty<AuthMode> authMode = new SimpleObjectProperty<>(AuthMode.API_KEY);
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty triggerToken = new SimpleStringProperty("");
    private final StringProperty recruiterEmail = new SimpleStringProperty("");
    private final BooleanProperty apiKeyStored = new SimpleBooleanProperty();
    private final BooleanProperty clientSecretStored = new SimpleBooleanProperty();
    private final BooleanProperty demoMode = new SimpleBooleanProperty();
    private final ObjectProperty<Busy> busy = new SimpleObjectProperty<>(Busy.LOADING);

    private final StringBinding baseUrlError;
    private final StringBinding apiKeyError;
    private final StringBinding clientIdError;
    private final StringBinding clientSecretError;
    private final StringBinding triggerTokenError;
    private final StringBinding emailError;
    private final StringBinding saveBlockedReason;
    private final StringBinding connectBlockedReason;

    private final ReadOnlyStringWrapper testOutcome = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Outcome> testOutcomeKind = new SimpleObjectProperty<>(Outcome.NONE);
    private final ReadOnlyStringWrapper saveOutcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper integrationText = new ReadOnlyStringWrapper("");
    private final BooleanProperty integrationConnected = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper connectOutcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretBackend = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper healthText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");

    public SettingsViewModel(AccountService account, TaskRunner tasks, Supplier<SyncStatus> syncStatus) {
        this.account = account;
        this.tasks = tasks;
        this.syncStatus = syncStatus;
        baseUrlError = error(() -> Validation.baseUrl(baseUrl.get()), baseUrl);
        apiKeyError = error(() -> authMode.get() == AuthMode.API_KEY
                ? secret(apiKey.get(), apiKeyStored.get(), Messages.get("settings.apiKey")) : Optional.empty(),
                apiKey, apiKeyStored, authMode);
        clientIdError = error(() -> authMode.get() == AuthMode.OAUTH
                ? plainId(clientId.get(), Messages.get("settings.clientId")) : Optional.empty(), clientId, authMode);
        clientSecretError = error(() -> authMode.get() == AuthMode.OAUTH
                ? secret(clientSecret.get(), clientSecretStored.get(), Messages.get("settings.clientSecret")) : Optional.empty(),
                clientSecret, clientSecretStored, authMode);
        triggerTokenError = error(() -> secret(triggerToken.get(), false, Messages.get("settings.triggerToken")), triggerToken);
        emailError = error(() -> Validation.email(recruiterEmail.get()), recruiterEmail);
        saveBlockedReason = Bindings.createStringBinding(() -> {
            if (busy.get() != Busy.NONE) {
                return Messages.get("settings.busy");
            }
            String first = firstNonEmpty(baseUrlError.get(), apiKeyError.get(), clientIdError.get(), clientSecretError.get());
            return first.isEmpty() ? "" : Messages.format("settings.fixFirst", first);
        }, busy, baseUrlError, apiKeyError, clientIdError, clientSecretError);
        connectBlockedReason = Bindings.createStringBinding(() -> {
            if (busy.get() != Busy.NONE) {
                return Messages.get("settings.busy");
            }
            // Once connected, an empty token field is the normal state, not a mistake: say how to reconnect.
            if (integrationConnected.get() && Validation.cleanPasted(triggerToken.get()).isEmpty()) {
                return Messages.get("settings.reconnectHint");
            }
            String first = firstNonEmpty(triggerTokenError.get(), emailError.get());
            return first.isEmpty() ? "" : Messages.format("settings.fixFirst", first);
        }, busy, triggerTokenError, emailError, integrationConnected, triggerToken);
    }

    // ---- inputs

    public StringProperty baseUrlProperty() { return baseUrl; }
    public ObjectProperty<AuthMode> authModeProperty() { return authMode; }
    public StringProperty apiKeyProperty() { return apiKey; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty clientSecretProperty() { return clientSecret; }
    public StringProperty triggerTokenProperty() { return triggerToken; }
    public StringProperty recruiterEmailProperty() { return recruiterEmail; }

    // ---- validation, one message per field ("" = fine)

    public StringBinding baseUrlErrorBinding() { return baseUrlError; }
    public StringBinding apiKeyErrorBinding() { return apiKeyError; }
    public StringBinding clientIdErrorBinding() { return clientIdError; }
    public StringBinding clientSecretErrorBinding() { return clientSecretError; }
    public StringBinding triggerTokenErrorBinding() { return triggerTokenError; }
    public StringBinding emailErrorBinding() { return emailError; }

    /** Why Save and Test connection are disabled ("" = enabled). */
    public StringBinding saveBlockedReasonBinding() { return saveBlockedReason; }

    /** Why Connect is disabled ("" = enabled). */
    public StringBinding connectBlockedReasonBinding() { return connectBlockedReason; }

    // ---- state

    public BooleanProperty apiKeyStoredProperty() { return apiKeyStored; }
    public BooleanProperty clientSecretStoredProperty() { return clientSecretStored; }
    public BooleanProperty demoModeProperty() { return demoMode; }
    public ObjectProperty<Busy> busyProperty() { return busy; }
    public ReadOnlyStringProperty testOutcomeProperty() { return testOutcome.getReadOnlyProperty(); }
    public ObjectProperty<Outcome> testOutcomeKindProperty() { return testOutcomeKind; }
    public ReadOnlyStringProperty saveOutcomeProperty() { return saveOutcome.getReadOnlyProperty(); }
    public ReadOnlyStringProperty integrationTextProperty() { return integrationText.getReadOnlyProperty(); }
    public BooleanProperty integrationConnectedProperty() { return integrationConnected; }
    public ReadOnlyStringProperty connectOutcomeProperty() { return connectOutcome.getReadOnlyProperty(); }
    public ReadOnlyStringProperty secretBackendProperty() { return secretBackend.getReadOnlyProperty(); }
    public ReadOnlyStringProperty healthTextProperty() { return healthText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadErrorProperty() { return loadError.getReadOnlyProperty(); }

    // ---- actions

    public void load() {
        busy.set(Busy.LOADING);
        loadError.set("");
        tasks.run(() -> {
            AccountSettings s = account.settings();
            boolean key = account.hasSecret(SecretStore.Key.API_KEY);
            boolean secret = account.hasSecret(SecretStore.Key.OAUTH_CLIENT_SECRET);
            String backend = account.secretBackendName();
            IntegrationState integration;
            String integrationError = null;
            try {
                integration = account.integration();
            } catch (Exception e) {
                integration = null;
                integrationError = Errors.describe(e);
            }
            return new Loaded(s, key, secret, backend, integration, integrationError);
        }, loaded -> {
            AccountSettings s = loaded.settings;
            demoMode.set(s.demoMode());
            baseUrl.set(nullToEmpty(s.baseUrl()));
            authMode.set(s.authMode() == null ? AuthMode.API_KEY : s.authMode());
            clientId.set(nullToEmpty(s.oauthClientId()));
            recruiterEmail.set(nullToEmpty(s.recruiterEmail()));
            apiKeyStored.set(loaded.apiKeyStored);
            clientSecretStored.set(loaded.clientSecretStored);
            secretBackend.set(Messages.format("settings.secretsKept", loaded.backend));
            showIntegration(loaded.integration, loaded.integrationError);
            refreshHealth();
            busy.set(Busy.NONE);
        }, err -> {
            loadError.set(Errors.describe(err));
            busy.set(Busy.NONE);
        });
    }

    public void refreshHealth() {
        SyncStatus s = syncStatus.get();
        if (s == null) {
            healthText.set("");
            return;
        }
        String ok = s.lastSuccess() == null ? Messages.get("settings.health.noSuccess")
                : Messages.format("settings.health.lastSuccess", TimeFormat.relative(s.lastSuccess()), TimeFormat.exact(s.lastSuccess()));
        String err = s.lastError() == null || s.lastError().isBlank() ? ""
                : " · " + Messages.format("settings.health.lastError", s.lastError());
        healthText.set(ok + err);
    }

    public void save() {
        if (!saveBlockedReason.get().isEmpty()) {
            return;
        }
        AccountSettings s = currentSettings();
        String key = secretOrNull(apiKey.get(), authMode.get() == AuthMode.API_KEY);
        String secret = secretOrNull(clientSecret.get(), authMode.get() == AuthMode.OAUTH);
        busy.set(Busy.SAVING);
        saveOutcome.set("");
        tasks.run(() -> {
            account.save(s, key, secret);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(Busy.NONE);
            if (key != null) {
                apiKeyStored.set(true);
                apiKey.set("");
            }
            if (secret != null) {
                clientSecretStored.set(true);
                clientSecret.set("");
            }
            saveOutcome.set(Messages.format("settings.saved", TimeFormat.exact(TimeFormat.now())));
        }, err -> {
            // The typed values stay in the form: nothing is lost when a save fails.
            busy.set(Busy.NONE);
            saveOutcome.set(Messages.format("settings.saveFailed", Errors.describe(err)));
        });
    }

    public void testConnection() {
        if (!saveBlockedReason.get().isEmpty()) {
            return;
        }
        AccountSettings s = currentSettings();
        String key = secretOrNull(apiKey.get(), authMode.get() == AuthMode.API_KEY);
        String secret = secretOrNull(clientSecret.get(), authMode.get() == AuthMode.OAUTH);
        busy.set(Busy.TESTING);
        testOutcome.set(Messages.get("settings.testing"));
        testOutcomeKind.set(Outcome.NONE);
        tasks.run(() -> account.test(s, key, secret), check -> {
            busy.set(Busy.NONE);
            testOutcome.set(describe(check));
            testOutcomeKind.set(check.ok() ? Outcome.OK : Outcome.PROBLEM);
        }, err -> {
            busy.set(Busy.NONE);
            testOutcome.set(Errors.describe(err));
            testOutcomeKind.set(Outcome.PROBLEM);
        });
    }

    public void connectIntegration() {
        if (!connectBlockedReason.get().isEmpty()) {
            return;
        }
        String token = Validation.cleanPasted(triggerToken.get());
        String email = Validation.cleanPasted(recruiterEmail.get());
        busy.set(Busy.CONNECTING);
        connectOutcome.set("");
        tasks.run(() -> account.connectIntegration(token, email), state -> {
            busy.set(Busy.NONE);
            triggerToken.set("");
            showIntegration(state, null);
        }, err -> {
            busy.set(Busy.NONE);
            connectOutcome.set(Messages.format("settings.connectFailed", Errors.describe(err)));
        });
    }

    public void leaveDemoMode(Runnable then) {
        busy.set(Busy.LEAVING_DEMO);
        tasks.run(() -> {
            account.leaveDemoMode();
            return Boolean.TRUE;
        }, ok -> {
            busy.set(Busy.NONE);
            demoMode.set(false);
            saveOutcome.set(Messages.get("settings.leftDemo"));
            if (then != null) {
                then.run();
            }
        }, err -> {
            busy.set(Busy.NONE);
            saveOutcome.set(Messages.format("settings.saveFailed", Errors.describe(err)));
        });
    }

    // ---- helpers

    private void showIntegration(IntegrationState state, String error) {
        if (error != null) {
            integrationConnected.set(false);
            integrationText.set(Messages.format("settings.integration.unknown", error));
        } else if (state != null && state.connected()) {
            integrationConnected.set(true);
            String when = state.connectedOn() == null ? "" : TimeFormat.exact(state.connectedOn());
            integrationText.set(Messages.format("settings.integration.connected",
                    state.name() == null || state.name().isBlank() ? "StackOne Assessments" : state.name(),
                    nullToEmpty(state.email()), when));
            if (state.email() != null && recruiterEmail.get().isBlank()) {
                recruiterEmail.set(state.email());
            }
        } else {
            integrationConnected.set(false);
            integrationText.set(Messages.get("settings.integration.notConnected"));
        }
    }

    private AccountSettings currentSettings() {
        return new AccountSettings(demoMode.get(), Validation.cleanPasted(baseUrl.get()), authMode.get(),
                Validation.cleanPasted(clientId.get()), Validation.cleanPasted(recruiterEmail.get()));
    }

    /** A typed secret (cleaned), or null to keep the stored one. */
    private static String secretOrNull(String typed, boolean inUse) {
        String v = Validation.cleanPasted(typed);
        return inUse && !v.isEmpty() ? v : null;
    }

    static String describe(ConnectionCheck check) {
        String key = switch (check.outcome()) {
            case OK -> "settings.test.ok";
            case WRONG_CREDENTIALS -> "settings.test.wrongCredentials";
            case UNREACHABLE -> "settings.test.unreachable";
            case SERVER_ERROR -> "settings.test.serverError";
            case INVALID_INPUT -> "settings.test.invalid";
        };
        String detail = check.message() == null ? "" : check.message().strip();
        return Messages.format(key, check.millis(), TimeFormat.exact(TimeFormat.now()), detail);
    }

    /** Keys and tokens: required unless stored, visible ASCII only, of a sane length. */
    static Optional<String> secret(String typed, boolean stored, String field) {
        String v = Validation.cleanPasted(typed);
        if (v.isEmpty()) {
            return stored ? Optional.empty() : Optional.of(Messages.format("validation.required", field));
        }
        if (v.length() > MAX_SECRET_LENGTH) {
            return Optional.of(Messages.format("validation.tooLong", field, v.length()));
        }
        if (!v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of(Messages.format("validation.badChars", field));
        }
        return Optional.empty();
    }

    static Optional<String> plainId(String typed, String field) {
        String v = Validation.cleanPasted(typed);
        if (v.isEmpty()) {
            return Optional.of(Messages.format("validation.required", field));
        }
        if (v.length() > MAX_SECRET_LENGTH || !v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of(Messages.format("validation.badChars", field));
        }
        return Optional.empty();
    }

    private static StringBinding error(Supplier<Optional<String>> check, Observable... deps) {
        return Bindings.createStringBinding(() -> check.get().orElse(""), deps);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private record Loaded(AccountSettings settings, boolean apiKeyStored, boolean clientSecretStored, String backend,
                          IntegrationState integration, String integrationError) {
    }
}
