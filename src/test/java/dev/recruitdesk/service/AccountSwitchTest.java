package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by a first-use test: saving another SmartRecruiters URL kept the first account's candidates and made the next
 * sync incremental, so 49 of the second account's 50 candidates never arrived.
 */
class AccountSwitchTest {

    @TempDir
    Path dir;

    @Test
    void savingAnotherAccountEmptiesTheCacheAndSyncsItInFull() throws Exception {
        SimulatorConfig.Builder quiet = SimulatorConfig.builder().partnerPace(Duration.ofHours(1)).rateLimit(false);
        try (Simulator a = Simulator.start(quiet.seed(1).candidates(120).build());
             Simulator b = Simulator.start(quiet.seed(2).candidates(50).build());
             Backend backend = Backend.open(dir, BackendOptions.of(
                             acc -> new SmartRecruitersClient(acc.baseUrl(), acc.credentials(), ClientOptions.defaults()))
                     .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                     .withSecretStore(new MemorySecretStore()))) {
            AccountService account = backend.accountService();
            account.save(new AccountSettings(false, a.baseUrl().toString(), AccountSettings.AuthMode.API_KEY, null, null), a.apiKey(), null);
            assertThat(backend.syncService().syncOnce().complete()).isTrue();
            assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(120);

            account.save(new AccountSettings(false, b.baseUrl().toString(), AccountSettings.AuthMode.API_KEY, null, null), b.apiKey(), null);
            // The switch itself asks for a sync in the background; this one waits for it and then tops it up.
            SyncReport next = backend.syncService().syncOnce();

            assertThat(next.complete()).isTrue();
            assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(50);
        }
    }

    @Test
    void savingTheSameAccountAgainKeepsTheCache() {
        AccountSettings one = new AccountSettings(false, "https://api.smartrecruiters.com", AccountSettings.AuthMode.API_KEY, null, null);
        AccountSettings same = new AccountSettings(false, " https://API.smartrecruiters.com/\n", AccountSettings.AuthMode.API_KEY, null, "x@y.io");
        AccountSettings other = new AccountSettings(false, "https://api.sandbox.example.com", AccountSettings.AuthMode.API_KEY, null, null);
        assertThat(SettingsAccountService.isAnotherAccount(one, same)).isFalse();
        assertThat(SettingsAccountService.isAnotherAccount(one, other)).isTrue();
        assertThat(SettingsAccountService.isAnotherAccount(null, other)).isFalse();
    }
}
