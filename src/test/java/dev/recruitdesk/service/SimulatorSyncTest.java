package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The services against the embedded simulator over real HTTP, with the real client. */
class SimulatorSyncTest {

    @TempDir
    Path dir;
    Simulator sim;
    Backend backend;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(1_000).partnerPace(Duration.ofHours(1)).build());
        backend = Backend.open(dir, BackendOptions.of(
                        a -> new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults()))
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(200))
                .withSecretStore(new MemorySecretStore()));
    }

    @AfterEach
    void stop() {
        backend.close();
        sim.close();
    }

    @Test
    void fullThenIncrementalSyncOverHttp() {
        SyncReport full = backend.syncService().syncOnce();
        System.out.println("SIM full sync of " + sim.candidateCount() + " candidates: " + full);

        assertThat(full.complete()).isTrue();
        assertThat(full.candidatesStored()).isEqualTo(1_000);
        assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(1_000);
        assertThat(backend.candidateQueries().jobs()).isNotEmpty();

        sim.touchCandidates(0.05);
        SyncReport incremental = backend.syncService().syncOnce();
        System.out.println("SIM incremental sync after touching 5%: " + incremental);

        assertThat(incremental.full()).isFalse();
        assertThat(incremental.complete()).isTrue();
        assertThat(incremental.candidatesFetched()).isBetween(50, 120);
        assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(1_000);
    }

    @Test
    void anOrderTravelsFromTheOutboxToAnEndStateOverHttp() throws Exception {
        backend.syncService().syncOnce();
        backend.accountService().connectIntegration(sim.triggerToken(), sim.recruiterEmail());
        Partner partner = backend.orderService().partners().get(0);
        AssessmentPackage pack = backend.orderService().packages(partner.id()).get(0);
        String candidateId = backend.candidateQueries().page(CandidateFilter.ALL, 0, 1).get(0).id();
        ApplicationRef app = backend.candidateQueries().candidate(candidateId).orElseThrow().applications().get(0);
        int before = backend.candidateQueries().orders(candidateId).size();

        AssessmentOrder queued = backend.orderService().queue(new OrderRequest(app, partner, pack));
        Poll.until(Duration.ofSeconds(20), "order accepted by the simulator",
                () -> backend.candidateQueries().orders(candidateId).stream()
                        .anyMatch(o -> queued.idempotencyKey().equals(o.idempotencyKey()) && o.id() != null));

        sim.advancePartnerClock();
        sim.advancePartnerClock();
        backend.syncService().pollOpenOrders();

        List<AssessmentOrder> orders = backend.candidateQueries().orders(candidateId);
        assertThat(orders).hasSize(before + 1);
        AssessmentOrder ours = orders.stream().filter(o -> queued.idempotencyKey().equals(o.idempotencyKey()))
                .findFirst().orElseThrow();
        assertThat(ours.status().isOpen()).as("status " + ours.status()).isFalse();
        assertThat(backend.syncService().status().queuedWrites()).isZero();
    }
}
