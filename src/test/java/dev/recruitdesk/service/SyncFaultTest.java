package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.simulator.FaultPlan;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: with a fifth of the requests faulty, a full sync (candidates, jobs, then the order backfill) must leave
 * exactly the cache a fault-free sync of the same seeded account leaves, row by row.
 */
class SyncFaultTest {

    private static final Logger log = LoggerFactory.getLogger(SyncFaultTest.class);
    private static final long SEED = 4;
    private static final int CANDIDATES = 200;
    private static final Map<String, String> TABLES = Map.of(
            "candidate", "id",
            "application", "candidate_id, job_id",
            "job", "id",
            "assessment_order", "id");

    /*
     * A sync without its order backfill (the long-listing test) closes while the background backfill may have
     * written some orders and with them a candidate's latest-order columns: how many is timing, not the listing.
     */
    private static final ThreadLocal<Boolean> WITH_LATEST_ORDER = ThreadLocal.withInitial(() -> true);

    @TempDir
    Path clean;
    @TempDir
    Path faulty;

    @Test
    void aFullSyncThroughTwentyPercentFaultsEndsWithTheSameCacheAsAFaultFreeOne() throws Exception {
        Run reference = syncInto(clean, CANDIDATES, FaultPlan.none(), true);
        Run withFaults = syncInto(faulty, CANDIDATES, FaultPlan.of(0.2, SEED).withKinds(FaultPlan.TRANSPARENT)
                .withSlowDelay(Duration.ofMillis(1_500)), true);

        String figures = String.format(java.util.Locale.ROOT,
                "FAULTS fault-free: %d requests, %s; with faults 0.2: %d requests answered by the simulator, "
                        + "faults injected %s (total %d), client %s, full sync %d ms + backfill",
                reference.served, reference.stats, withFaults.served, withFaults.faults,
                withFaults.faults.values().stream().mapToLong(Long::longValue).sum(), withFaults.stats,
                withFaults.report.millis());
        System.out.println(figures);
        log.info(figures);

        assertThat(reference.report.complete()).isTrue();
        assertThat(withFaults.report.complete()).as(withFaults.report.toString()).isTrue();
        assertThat(withFaults.faults.values().stream().mapToLong(Long::longValue).sum())
                .as("faults injected").isGreaterThan(withFaults.served / 10);
        assertThat(withFaults.stats.retries()).isPositive();
        assertThat(reference.rows.get("candidate")).hasSize(CANDIDATES);
        assertThat(reference.rows.get("assessment_order")).isNotEmpty();
        for (String table : TABLES.keySet()) {
            assertSameRows(table, reference, withFaults);
        }
    }

    /**
     * The listing's own oddities are rare in the test above (two pages), so here a long listing meets them often:
     * empty pages that continue, records repeated across pages, a drifting totalFound, cut bodies, lost answers.
     */
    @Test
    void aLongListingThroughPagingOdditiesKeepsEveryCandidateOnce() throws Exception {
        int candidates = 1_500;
        WITH_LATEST_ORDER.set(false);
        Run reference = syncInto(clean, candidates, FaultPlan.none(), false);
        Run withFaults = syncInto(faulty, candidates, FaultPlan.of(0.4, SEED + 1).withKinds(EnumSet.of(
                FaultPlan.Kind.EMPTY_PAGE, FaultPlan.Kind.REPEAT, FaultPlan.Kind.TOTAL_DRIFT, FaultPlan.Kind.TRUNCATED,
                FaultPlan.Kind.DROP, FaultPlan.Kind.RATE_LIMITED)), false);
        String figures = "FAULTS long listing: " + withFaults.report + ", faults injected " + withFaults.faults
                + ", client " + withFaults.stats;
        System.out.println(figures);
        log.info(figures);

        assertThat(withFaults.report.complete()).as(withFaults.report.toString()).isTrue();
        assertThat(withFaults.faults).containsKeys("empty-page", "repeat", "total-drift");
        assertThat(withFaults.report.pages()).isGreaterThan(reference.report.pages());
        assertThat(reference.rows.get("candidate")).hasSize(candidates);
        assertSameRows("candidate", reference, withFaults);
    }

    @org.junit.jupiter.api.AfterEach
    void compareEveryColumnAgain() {
        WITH_LATEST_ORDER.remove();
    }

    /** A page that stays unreadable after the retries ends the sync incomplete, and a full sync then deletes nothing. */
    @Test
    void aFullSyncThatMeetsAPageItCannotReadDeletesNothing() throws Exception {
        int candidates = 250;
        syncInto(faulty, candidates, FaultPlan.none(), false);
        int before;
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().seed(SEED).candidates(candidates)
                .perEndpointRatePerSecond(1_000).partnerPace(Duration.ofHours(6))
                .faults(FaultPlan.of(1.0, SEED).withKinds(EnumSet.of(FaultPlan.Kind.MALFORMED))).build());
             Backend backend = Backend.open(faulty, BackendOptions.of(a -> new SmartRecruitersClient(sim.baseUrl(),
                             new Credentials.ApiKey(sim.apiKey()), ClientOptions.builder().maxRetries(2)
                             .initialBackoff(Duration.ofMillis(10)).requestsPerSecond(0).build()))
                     .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                     .withSecretStore(new MemorySecretStore()))) {
            before = backend.candidateQueries().count(CandidateFilter.ALL);
            backend.syncService().requestFullSync();
            SyncReport report = backend.syncService().syncOnce();
            assertThat(report.full()).isTrue();
            assertThat(report.complete()).isFalse();
            assertThat(report.error()).isNotBlank();
            assertThat(backend.syncService().status().lastError()).isNotBlank();
            assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(before);
            assertThat(sim.faultsInjected()).containsEntry("malformed", 3L);
        }
        assertThat(before).isEqualTo(candidates);
        assertThat(dump(faulty, "none").get("candidate")).hasSize(candidates);
    }

    private static void assertSameRows(String table, Run reference, Run withFaults) {
        List<List<Object>> expected = reference.rows.get(table);
        List<List<Object>> actual = withFaults.rows.get(table);
        assertThat(actual).as(table + " rows").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as(table + " row " + i).isEqualTo(expected.get(i));
        }
    }

    private record Run(SyncReport report, long served, Map<String, Long> faults,
                       SmartRecruitersApi.ClientStats stats, Map<String, List<List<Object>>> rows) {
    }

    private static Run syncInto(Path dir, int candidates, FaultPlan plan, boolean withBackfill) throws Exception {
        AtomicReference<SmartRecruitersApi> client = new AtomicReference<>();
        SyncReport report;
        long served;
        Map<String, Long> faults;
        String baseUrl;
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().seed(SEED).candidates(candidates)
                .perEndpointRatePerSecond(1_000).partnerPace(Duration.ofHours(6)).faults(plan).build())) {
            ClientOptions options = ClientOptions.builder()
                    .requestTimeout(Duration.ofSeconds(1))
                    .initialBackoff(Duration.ofMillis(20))
                    .maxBackoff(Duration.ofMillis(500))
                    .maxRetries(8)
                    .requestsPerSecond(0)
                    .build();
            try (Backend backend = Backend.open(dir, BackendOptions.of(a -> {
                        SmartRecruitersApi api = new SmartRecruitersClient(sim.baseUrl(),
                                new Credentials.ApiKey(sim.apiKey()), options);
                        client.set(api);
                        return api;
                    }).withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                    .withSecretStore(new MemorySecretStore()))) {
                report = backend.syncService().syncOnce();
                if (withBackfill) {
                    Poll.until(Duration.ofMinutes(3), "order backfill done", backend.syncService()::backfillDone);
                }
            }
            served = sim.requestCount();
            baseUrl = sim.baseUrl().toString();
            faults = sim.faultsInjected();
        }
        return new Run(report, served, faults, client.get().stats(), dump(dir, baseUrl));
    }

    /** Every row of the cache's data tables in key order; the sync bookkeeping table is left out. */
    /** Each simulator has its own port: links are compared without it. */
    private static Map<String, List<List<Object>>> dump(Path dir, String baseUrl) {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        try (Database db = Database.open(dir, "cache", false)) {
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                out.put(t.getKey(), db.read(c -> {
                    List<List<Object>> rows = new ArrayList<>();
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT * FROM " + t.getKey() + " ORDER BY " + t.getValue())) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                Object v = rs.getObject(i);
                                String column = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                                if (column.startsWith("latest_order_") && !WITH_LATEST_ORDER.get()) {
                                    continue;
                                }
                                // bookkeeping, not data: whether the next listing merges into the stored applications.
                                // An order the background walk stored clears it, and when that happens is timing; the
                                // application rows it stands for are compared in full.
                                if (column.equals("listed_apps_hash")) {
                                    continue;
                                }
                                if (v instanceof java.sql.Clob clob) {
                                    v = clob.getSubString(1, (int) clob.length());
                                }
                                row.add(v instanceof String text ? text.replace(baseUrl, "SR") : v);
                            }
                            rows.add(row);
                        }
                    }
                    return rows;
                }));
            }
        }
        return out;
    }
}
