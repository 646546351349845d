package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorGenerationTest {

    @Test
    void aHundredThousandCandidatesStartInSecondsAndAllCount() throws Exception {
        // Warm the name data first so the figure is about generation, not about loading the faker's files.
        DemoData.generate(1, 100, 24, "warm@example.com");
        long t0 = System.nanoTime();
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(100_000).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).build())) {
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            SimClient client = new SimClient(sim);
            long t1 = System.nanoTime();
            JsonNode first = client.getJson("/candidates?limit=100");
            JsonNode second = client.getJson("/candidates?limit=100&pageId="
                    + SimClient.enc(first.path("nextPageId").asText()));
            long pageMicros = (System.nanoTime() - t1) / 2_000;
            long t2 = System.nanoTime();
            JsonNode filtered = client.getJson("/candidates?limit=100&q=anna");
            long filteredMillis = (System.nanoTime() - t2) / 1_000_000;
            System.out.printf("simulator with 100,000 candidates: start %d ms, first pages %d us each, "
                    + "q-filtered first page %d ms (%d found)%n", startMillis, pageMicros, filteredMillis,
                    filtered.path("totalFound").asInt());
            assertThat(sim.candidateCount()).isEqualTo(100_000);
            assertThat(first.path("totalFound").asInt()).isEqualTo(100_000);
            assertThat(second.path("content").size()).isEqualTo(100);
            assertThat(first.path("content").get(99).path("updatedOn").asText())
                    .isLessThanOrEqualTo(second.path("content").get(0).path("updatedOn").asText());
        }
    }
}
