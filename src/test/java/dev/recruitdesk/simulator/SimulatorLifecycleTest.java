package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorLifecycleTest {

    @Test
    void countsRequestsAndStopsServingOnCloseWhichMayBeRepeated() throws Exception {
        Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(10).partnerPace(Duration.ofHours(1))
                .build());
        SimClient client = new SimClient(sim);
        assertThat(sim.baseUrl().toString()).startsWith("http://127.0.0.1:").doesNotEndWith("/");
        assertThat(sim.candidateCount()).isEqualTo(10);
        long before = sim.requestCount();
        client.getJson("/jobs");
        client.get("/nowhere");
        assertThat(sim.requestCount()).isEqualTo(before + 2);
        sim.close();
        sim.close();
        assertThatThrownBy(() -> client.get("/jobs")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> SimulatorConfig.builder().candidates(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.builder().partnerPace(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        SimulatorConfig defaults = SimulatorConfig.builder().build();
        assertThat(defaults.port()).isZero();
        assertThat(defaults.seed()).isEqualTo(42);
        assertThat(defaults.candidates()).isEqualTo(500);
        assertThat(defaults.jobs()).isEqualTo(24);
        assertThat(defaults.rateLimit()).isTrue();
        assertThat(defaults.perEndpointRatePerSecond()).isEqualTo(10);
        assertThat(defaults.partnerPace()).isEqualTo(Duration.ofSeconds(8));
        assertThat(defaults.integrationConnected()).isFalse();
    }
}
