package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault layer as a bare HTTP client sees it: seeded, counted, and never bending the simulator's state. */
class SimulatorFaultTest {

    private static SimulatorConfig.Builder small() {
        return SimulatorConfig.builder().candidates(30).jobs(4).perEndpointRatePerSecond(1_000)
                .partnerPace(Duration.ofHours(6));
    }

    @Test
    void theSameSeedGivesTheSameFaultsInTheSameOrder() throws Exception {
        FaultPlan plan = FaultPlan.of(0.5, 9).withKinds(EnumSet.of(FaultPlan.Kind.SERVER_ERROR,
                FaultPlan.Kind.UNAVAILABLE, FaultPlan.Kind.RATE_LIMITED, FaultPlan.Kind.MALFORMED));
        List<String> first = answers(plan);
        List<String> second = answers(plan);
        assertThat(first).isEqualTo(second);
        assertThat(first).contains("200").anyMatch(s -> !s.equals("200"));
        assertThat(answers(FaultPlan.of(0.5, 10).withKinds(plan.kinds()))).isNotEqualTo(first);
    }

    private static List<String> answers(FaultPlan plan) throws Exception {
        List<String> out = new ArrayList<>();
        try (Simulator sim = Simulator.start(small().faults(plan).build())) {
            SimClient client = new SimClient(sim);
            for (int i = 0; i < 40; i++) {
                HttpResponse<byte[]> r = client.get("/jobs?limit=5");
                out.add(r.statusCode() == 200 && !readable(r.body()) ? "200-broken" : Integer.toString(r.statusCode()));
            }
            long injected = sim.faultsInjected().values().stream().mapToLong(Long::longValue).sum();
            assertThat(injected).isEqualTo(out.stream().filter(s -> !s.equals("200")).count());
        }
        return out;
    }

    private static boolean readable(byte[] body) {
        try {
            SimClient.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aDroppedAnswerLeavesTheWorkDoneAndNoAnswer() throws Exception {
        try (Simulator sim = Simulator.start(small()
                .faults(FaultPlan.of(1.0, 3).withKinds(EnumSet.of(FaultPlan.Kind.DROP))).build());
             Simulator clean = Simulator.start(small().build())) {
            String jobId = new SimClient(clean).getJson("/jobs?limit=1").path("content").get(0).path("id").asText();
            SimClient client = new SimClient(sim);
            assertThatThrownBy(() -> client.postJson("/jobs/" + jobId + "/candidates",
                    "{\"firstName\":\"Ana\",\"lastName\":\"Lost\",\"email\":\"ana.lost@example.org\"}"))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(sim.faultsInjected()).containsEntry("drop", 1L);
            // The answer was lost, the candidate was made: exactly what a client must survive.
            assertThat(sim.candidateCount()).isEqualTo(clean.candidateCount() + 1);
        }
    }

    @Test
    void theCommandLineChoosesRateSeedKindsAndDelay() {
        SimulatorConfig c = SimulatorMain.parse(new String[] {"simulator", "--faults", "0.2", "--fault-seed", "7",
            "--fault-kinds", "429,500,drop,empty-page", "--slow-seconds", "3"});
        assertThat(c.faults().rate()).isEqualTo(0.2);
        assertThat(c.faults().seed()).isEqualTo(7);
        assertThat(c.faults().kinds()).containsExactlyInAnyOrder(FaultPlan.Kind.RATE_LIMITED,
                FaultPlan.Kind.SERVER_ERROR, FaultPlan.Kind.DROP, FaultPlan.Kind.EMPTY_PAGE);
        assertThat(c.faults().slowDelay()).isEqualTo(Duration.ofSeconds(3));

        SimulatorConfig all = SimulatorMain.parse(new String[] {"--seed", "5", "--faults", "0.3"});
        assertThat(all.faults().seed()).isEqualTo(5);
        assertThat(all.faults().kinds()).hasSize(FaultPlan.Kind.values().length);
        assertThat(SimulatorMain.parse(new String[0]).faults().rate()).isZero();

        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--faults", "1.5"}))
                .hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--faults", "0.2", "--fault-kinds", "418"}))
                .hasMessageContaining("unknown fault kind '418'");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--fault-seed", "1"}))
                .hasMessageContaining("need --faults");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--faults", "NaN"}))
                .hasMessageContaining("0 to 1");
    }
}
