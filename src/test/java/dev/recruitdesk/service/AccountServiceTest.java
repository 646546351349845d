package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.domain.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {

    @TempDir
    Path dir;
    FakeSrApi fake = new FakeSrApi();
    MemorySecretStore secrets = new MemorySecretStore();
    List<AccountSnapshot> built = new CopyOnWriteArrayList<>();
    Backend backend;

    static final AccountSettings REAL = new AccountSettings(false, "https://api.smartrecruiters.com",
            AccountSettings.AuthMode.API_KEY, "", "alex@acme.example");

    @BeforeEach
    void open() {
        backend = Backend.open(dir, BackendOptions.of(a -> {
            built.add(a);
            return fake;
        }).withIntervals(Duration.ofHours(1), Duration.ofSeconds(5)).withSecretStore(secrets));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    AccountService account() {
        return backend.accountService();
    }

    @Test
    void defaultsToDemoModeAndSavesSettingsWithoutTheSecret() throws Exception {
        assertThat(account().settings().demoMode()).isTrue();

        account().save(REAL, "  key-123\n", null);

        assertThat(account().settings()).isEqualTo(REAL);
        assertThat(account().hasSecret(SecretStore.Key.API_KEY)).isTrue();
        assertThat(secrets.values.get(SecretStore.Key.API_KEY)).isEqualTo("key-123");
        assertThat(Files.readString(dir.resolve("settings.json"))).contains("api.smartrecruiters.com")
                .doesNotContain("key-123");
    }

    @Test
    void afterSaveTheNextCallUsesAClientBuiltFromTheNewAccount() throws Exception {
        account().save(REAL, "key-1", null);
        backend.syncService().syncOnce();
        account().save(REAL, "key-2", null);
        backend.syncService().syncOnce();

        assertThat(built).extracting(AccountSnapshot::credentials)
                .containsSubsequence(new Credentials.ApiKey("key-1"), new Credentials.ApiKey("key-2"));
    }

    @Test
    void testMapsTheAnswerToAnOutcome() {
        assertThat(account().test(REAL, "key", null).outcome()).isEqualTo(ConnectionCheck.Outcome.OK);

        fake.whoAmIFailure = new ApiException(401, "UNAUTHORIZED", "Invalid or missing credentials");
        ConnectionCheck wrong = account().test(REAL, "bad", null);
        assertThat(wrong.outcome()).isEqualTo(ConnectionCheck.Outcome.WRONG_CREDENTIALS);
        assertThat(wrong.message()).isEqualTo("The API key was refused").doesNotContain("bad");

        fake.whoAmIFailure = new ApiException(503, null, "Unavailable");
        assertThat(account().test(REAL, "key", null).outcome()).isEqualTo(ConnectionCheck.Outcome.SERVER_ERROR);

        fake.whoAmIFailure = null;
        fake.offline = true;
        ConnectionCheck unreachable = account().test(REAL, "key", null);
        assertThat(unreachable.outcome()).isEqualTo(ConnectionCheck.Outcome.UNREACHABLE);
        assertThat(unreachable.message()).isEqualTo("Cannot reach api.smartrecruiters.com");
    }

    @Test
    void testRejectsBadInputBeforeCallingAnything() {
        AccountSettings http = new AccountSettings(false, "http://sr.example.com", AccountSettings.AuthMode.API_KEY, "", "");
        assertThat(account().test(http, "key", null).outcome()).isEqualTo(ConnectionCheck.Outcome.INVALID_INPUT);
        assertThat(account().test(REAL, "  ", null).message()).isEqualTo("API key is required");
        AccountSettings badEmail = new AccountSettings(false, REAL.baseUrl(), AccountSettings.AuthMode.API_KEY, "", "alex@");
        assertThat(account().test(badEmail, "key", null).outcome()).isEqualTo(ConnectionCheck.Outcome.INVALID_INPUT);
        assertThat(built).isEmpty();
        assertThatThrownBy(() -> account().save(http, "key", null)).isInstanceOf(ServiceException.class);
    }

    @Test
    void connectIntegrationTrimsTheTokenAndKeepsItAsASecret() throws Exception {
        account().save(REAL, "key", null);
        IntegrationState state = account().connectIntegration("\n good-token \t", "alex@acme.example");
        assertThat(state.connected()).isTrue();
        assertThat(fake.lastTriggerToken).isEqualTo("good-token");
        assertThat(secrets.values.get(SecretStore.Key.TRIGGER_TOKEN)).isEqualTo("good-token");

        assertThatThrownBy(() -> account().connectIntegration("wrong", "alex@acme.example"))
                .isInstanceOf(ServiceException.class).hasMessage("The external trigger token was refused");
        assertThatThrownBy(() -> account().connectIntegration("good-token", "not-an-email"))
                .isInstanceOf(ServiceException.class);
    }

    @Test
    void leavingDemoModeIsRemembered() throws Exception {
        account().leaveDemoMode();
        assertThat(account().settings().demoMode()).isFalse();
        assertThat(account().secretBackendName()).isEqualTo("Memory");
    }
}
