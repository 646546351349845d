package dev.recruitdesk.ui.settings;

import dev.recruitdesk.service.AccountSettings;
import dev.recruitdesk.service.ConnectionCheck;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.fake.FakeBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {

    private final FakeBackend backend = new FakeBackend(5);
    private final SettingsViewModel vm = new SettingsViewModel(backend, new SyncTaskRunner(), backend::status);

    @BeforeEach
    void load() {
        vm.load();
    }

    @Test
    void loadsTheStoredSettingsWithoutReadingTheKeyBack() {
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:8089");
        assertThat(vm.apiKeyProperty().get()).isEmpty();
        assertThat(vm.apiKeyStoredProperty().get()).isTrue();
        assertThat(vm.apiKeyErrorBinding().get()).isEmpty(); // empty field = keep the stored key
        assertThat(vm.saveBlockedReasonBinding().get()).isEmpty();
        assertThat(vm.secretBackendProperty().get()).contains("Encrypted file");
        assertThat(vm.integrationTextProperty().get()).contains("is connected").contains("sam.recruiter@example.com");
    }

    @Test
    void emptyUrlIsRequiredAndBlocksSaveWithTheReason() {
        vm.baseUrlProperty().set("  ");
        assertThat(vm.baseUrlErrorBinding().get()).isEqualTo("Base URL is required");
        assertThat(vm.saveBlockedReasonBinding().get()).contains("Base URL is required");
        vm.save();
        assertThat(vm.saveOutcomeProperty().get()).isEmpty();
    }

    @Test
    void plainHttpIsOnlyForThisComputer() {
        vm.baseUrlProperty().set("http://api.smartrecruiters.com");
        assertThat(vm.baseUrlErrorBinding().get()).contains("https");
        vm.baseUrlProperty().set("http://localhost:8089");
        assertThat(vm.baseUrlErrorBinding().get()).isEmpty();
        vm.baseUrlProperty().set("https://api.smartrecruiters.com");
        assertThat(vm.baseUrlErrorBinding().get()).isEmpty();
    }

    @Test
    void badEmailIsShownAndBlocksConnect() {
        vm.triggerTokenProperty().set("tok-123");
        vm.recruiterEmailProperty().set("sam@");
        assertThat(vm.emailErrorBinding().get()).isEqualTo("Enter an email address like name@company.com");
        assertThat(vm.connectBlockedReasonBinding().get()).contains("email address");
    }

    @Test
    void pastedTokenIsTrimmedOfSpacesAndNewlinesBeforeItIsSent() {
        vm.triggerTokenProperty().set("  tok-abc-123\r\n");
        vm.recruiterEmailProperty().set(" sam@example.com\n");
        assertThat(vm.triggerTokenErrorBinding().get()).isEmpty();
        assertThat(vm.connectBlockedReasonBinding().get()).isEmpty();

        vm.connectIntegration();

        assertThat(backend.connectCalls).containsExactly("tok-abc-123|sam@example.com");
        assertThat(vm.triggerTokenProperty().get()).isEmpty(); // the secret does not linger in the form
        assertThat(vm.integrationConnectedProperty().get()).isTrue();
    }

    @Test
    void tenThousandCharactersAreRejectedAsAWrongPaste() {
        vm.apiKeyProperty().set("k".repeat(10_000));
        assertThat(vm.apiKeyErrorBinding().get()).contains("too long").contains("10,000");
        assertThat(vm.saveBlockedReasonBinding().get()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"key-😀-123", "key\u200Fabc", "مفتاح-سري", "two words"})
    void emojiRtlAndSpacesInsideAKeyAreRejected(String pasted) {
        vm.apiKeyProperty().set(pasted);
        assertThat(vm.apiKeyErrorBinding().get()).contains("characters a key never has");
    }

    @Test
    void emptyTokenIsRequired() {
        vm.recruiterEmailProperty().set("sam@example.com");
        assertThat(vm.triggerTokenErrorBinding().get()).isEqualTo("External trigger token is required");
        assertThat(vm.connectBlockedReasonBinding().get()).isNotEmpty();
    }

    @Test
    void oauthNeedsClientIdAndSecret() {
        vm.authModeProperty().set(AccountSettings.AuthMode.OAUTH);
        assertThat(vm.clientIdErrorBinding().get()).isEqualTo("Client ID is required");
        assertThat(vm.clientSecretErrorBinding().get()).isEqualTo("Client secret is required");
        assertThat(vm.apiKeyErrorBinding().get()).isEmpty();
        vm.clientIdProperty().set("client-1");
        vm.clientSecretProperty().set("s3cret");
        assertThat(vm.saveBlockedReasonBinding().get()).isEmpty();
    }

    @Test
    void saveSendsATypedKeyOnceAndThenShowsItAsStored() {
        vm.apiKeyProperty().set(" new-key\n");
        vm.save();
        assertThat(backend.savedSecrets).containsExactly("API_KEY");
        assertThat(vm.apiKeyProperty().get()).isEmpty();
        assertThat(vm.apiKeyStoredProperty().get()).isTrue();
        assertThat(vm.saveOutcomeProperty().get()).startsWith("Saved");
    }

    @Test
    void testConnectionSaysWhatHappened() {
        vm.testConnection();
        assertThat(vm.testOutcomeProperty().get()).startsWith("Connected in 120 ms");
        assertThat(vm.testOutcomeKindProperty().get()).isEqualTo(SettingsViewModel.Outcome.OK);

        backend.nextCheck = new ConnectionCheck(ConnectionCheck.Outcome.WRONG_CREDENTIALS, "401", 80);
        vm.testConnection();
        assertThat(vm.testOutcomeProperty().get()).contains("refused the credentials");
        assertThat(vm.testOutcomeKindProperty().get()).isEqualTo(SettingsViewModel.Outcome.PROBLEM);

        backend.nextCheck = new ConnectionCheck(ConnectionCheck.Outcome.UNREACHABLE, "", 3000);
        vm.testConnection();
        assertThat(vm.testOutcomeProperty().get()).contains("could not be reached");
    }
}
