package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-order poll against the simulator's seeded orders, one of which has a status we do not know (ON_HOLD). */
class SimulatorOrderPollTest {

    @TempDir
    Path dir;
    Simulator sim;
    Backend backend;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(300).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).build());
        backend = Backend.open(dir, BackendOptions.of(
                        a -> new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()), ClientOptions.builder().requestsPerSecond(0).build()))
                .withIntervals(Duration.ofHours(1), Duration.ofMinutes(1))
                .withSecretStore(new MemorySecretStore()));
    }

    @AfterEach
    void stop() {
        backend.close();
        sim.close();
    }

    @Test
    void unknownStatusAndStuckOrdersAreNotAskedAboutEveryRound() throws Exception {
        backend.syncService().syncOnce();
        backend.accountService().connectIntegration(sim.triggerToken(), sim.recruiterEmail());
        Poll.until(Duration.ofSeconds(60), "order backfill done", () -> backend.syncService().backfillDone());
        List<AssessmentOrder> open = backend.candidateQueries().openOrders();
        assertThat(open).as("the seeded unknown status is kept and counts as open")
                .anyMatch(o -> o.status().kind() == OrderStatus.Kind.UNKNOWN && o.status().raw().equals("ON_HOLD"));

        int first = backend.syncService().pollOpenOrders();
        assertThat(first).isEqualTo(open.size());

        PackageTimes times = backend.candidateQueries().packageTimes();
        assertThat(times.minutesByPackage()).as("the partner catalogue was learnt for the stuck rule").isNotEmpty();
        Instant now = Instant.now();
        long ordinary = backend.candidateQueries().openOrders().stream()
                .filter(o -> !BackgroundSync.pollsSlowly(o, times, now)).count();
        int second = backend.syncService().pollOpenOrders();
        System.out.printf("simulator, %d open orders: first round asked %d, the next round %d (ordinary open: %d)%n",
                open.size(), first, second, ordinary);
        assertThat(second).as("only ordinary open orders are asked again at once").isEqualTo((int) ordinary);
        assertThat(second).isLessThan(first);
    }
}
