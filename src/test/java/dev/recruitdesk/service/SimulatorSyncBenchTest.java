package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sync of 100,000 candidates from the simulator over loopback HTTP into a fresh cache; prints the report.
 * Rate limits are off on both sides, so this measures our fetch + parse + store pipeline, not SR's 10 requests/s
 * (with those, 1,000 pages take at least 100 s whatever we do). Opt-in:
 * {@code RECRUITDESK_PERF=1 mvn -o test -Dtest=SimulatorSyncBenchTest}.
 */
@EnabledIfEnvironmentVariable(named = "RECRUITDESK_PERF", matches = "1")
class SimulatorSyncBenchTest {

    private static final int N = Integer.parseInt(System.getenv().getOrDefault("RECRUITDESK_PERF_CANDIDATES", "100000"));

    @TempDir
    Path dir;

    @Test
    void fullSyncOfAHundredThousandCandidates() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(N).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).build())) {
            ClientOptions fast = ClientOptions.builder().requestsPerSecond(0).build();
            try (Backend backend = Backend.open(dir, BackendOptions.of(
                            a -> new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()), fast))
                    .withIntervals(Duration.ofHours(1), Duration.ofHours(1)).withSecretStore(new MemorySecretStore()))) {
                SyncReport report = backend.syncService().syncOnce();
                System.out.println("PERF full sync over HTTP: " + report);
                assertThat(report.complete()).isTrue();
                assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(N);

                sim.touchCandidates(0.01);
                SyncReport incremental = backend.syncService().syncOnce();
                System.out.println("PERF incremental sync after touching 1%: " + incremental);
                assertThat(incremental.full()).isFalse();
            }
        }
    }
}
