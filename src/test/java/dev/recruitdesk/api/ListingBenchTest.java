package dev.recruitdesk.api;

import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a full listing goes through the client when nothing limits it (simulator limits off, no pacing).
 * Opt-in: {@code mvn -o test -Dtest=ListingBenchTest -Drecruitdesk.bench=true [-Drecruitdesk.bench.candidates=100000]}.
 */
@EnabledIfSystemProperty(named = "recruitdesk.bench", matches = "true")
class ListingBenchTest {

    private static final Logger LOG = LoggerFactory.getLogger(ListingBenchTest.class);

    @Test
    void fullListingThroughput() throws Exception {
        int n = Integer.getInteger("recruitdesk.bench.candidates", 20_000);
        long t0 = System.nanoTime();
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(n).rateLimit(false).build())) {
            long t1 = System.nanoTime();
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()),
                    ClientOptions.builder().requestsPerSecond(0).build());
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                int count = 0;
                int pages = 0;
                String pageId = null;
                do {
                    CandidatePage page = client.listCandidates(CandidateListQuery.all(100), pageId);
                    count += page.content().size();
                    pageId = page.nextPageId();
                    pages++;
                } while (pageId != null);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(count).isEqualTo(n);
                String line = String.format(java.util.Locale.ROOT,
                        "BENCH round %d: %d candidates, %d pages in %d ms (%.1f pages/s); simulator start %d ms",
                        round, count, pages, ms, pages * 1000.0 / Math.max(1, ms), (t1 - t0) / 1_000_000);
                LOG.info(line);
                System.err.println(line);
            }
        }
    }
}
