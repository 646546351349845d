package dev.recruitdesk.app.bench;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.ServiceException;
import dev.recruitdesk.service.SyncReport;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Full and incremental sync against their baselines. Each sync gets a freshly opened backend that is closed right
 * after, so the order backfill a full sync queues cannot run into the next measurement.
 */
final class SyncBench {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBench.class);
    private static final int PAGE_SIZE = 100;

    record Listing(int candidates, int pages, long nanos, long cpuNanos) {
    }

    /** The warm-up's own figures: the first syncs in this JVM, on a smaller simulator. */
    record WarmUp(int candidates, long fullNanos, long incrementalNanos) {
    }

    /** One full sync into an empty cache between two listings: its baseline is their mean. */
    record Round(Listing before, SyncReport full, long fullNanos, long fullCpuNanos, Listing after) {

        double baselineNanos() {
            return (before.nanos() + after.nanos()) / 2.0;
        }

        double baselineCpuNanos() {
            return (before.cpuNanos() + after.cpuNanos()) / 2.0;
        }

        double ratio() {
            return fullNanos / baselineNanos();
        }
    }

    record Result(WarmUp warmUp, List<Round> rounds, SyncReport incremental, long incrementalNanos, int touched) {

        /** The round with the median ratio: the full sync figure (an odd number of rounds). */
        Round median() {
            List<Round> sorted = rounds.stream().sorted(java.util.Comparator.comparingDouble(Round::ratio)).toList();
            return sorted.get(sorted.size() / 2);
        }

        /** The last round: its cache is the one the incremental sync and the search use. */
        SyncReport full() {
            return rounds.get(rounds.size() - 1).full();
        }

        boolean allComplete() {
            return rounds.stream().allMatch(r -> r.full().complete());
        }
    }

    /**
     * Full syncs measured, each between two listings. On a shared machine a single pair swung from 1.3 to 3.6 x
     * between runs of the same code: other tenants' load comes in bursts of seconds. Each round pairs a sync with the
     * listings right around it, and the median round is the figure.
     */
    static final int ROUNDS = 3;

    private SyncBench() {
    }

    /** Pages through the whole listing with the sync's page size and query, keeping nothing. */
    static Listing listOnly(SmartRecruitersClient client) throws ApiException {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        int count = 0;
        int pages = 0;
        String pageId = null;
        do {
            CandidatePage page = client.listCandidates(CandidateListQuery.all(PAGE_SIZE), pageId);
            count += page.content().size();
            pages++;
            pageId = page.content().isEmpty() ? null : page.nextPageId();
        } while (pageId != null && !pageId.isEmpty());
        return new Listing(count, pages, System.nanoTime() - t0, processCpuNanos() - cpu0);
    }

    /*
     * The CPU time of every thread of this JVM (the simulator's included, on both sides). Other tenants of a shared
     * machine stretch the wall-clock figures by up to half from one run to the next; they barely move this one, so
     * it shows what a change to the sync's own work did.
     */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Baseline, full sync, baseline again (the mean of the two is the baseline, so a change in the machine's load
     * during the run weighs on both sides), then 1 % touched and an incremental sync.
     */
    static Result run(Simulator sim, BenchAccount account, Path dataDir, double touchFraction)
            throws ApiException, ServiceException {
        SmartRecruitersClient client = account.client();
        // Both sides start warm: a short listing for the baseline's code, and a whole full and incremental sync of a
        // small simulator for the sync's (H2's insert, update and index code is otherwise compiled by the JIT while
        // the measured full sync runs, on the same 2 cores). The first sync in a fresh JVM is shown on its own row.
        warmUp(client);
        WarmUp warm = warmUpSync(dataDir.resolveSibling(dataDir.getFileName() + "-warm-up"),
                Math.max(1_000, Math.min(20_000, sim.candidateCount() / 5)));
        LOG.info("Warm-up: a full sync of {} candidates in {} ms, an incremental one in {} ms", warm.candidates(),
                warm.fullNanos() / 1_000_000, warm.incrementalNanos() / 1_000_000);
        List<Round> rounds = new ArrayList<>();
        Listing before = listOnly(client);
        for (int i = 0; i < ROUNDS; i++) {
            LOG.info("Baseline listing: {} candidates, {} pages, {} ms", before.candidates(), before.pages(),
                    before.nanos() / 1_000_000);
            boolean last = i == ROUNDS - 1;
            Path dir = last ? dataDir : dataDir.resolveSibling(dataDir.getFileName() + "-round-" + i);
            SyncReport full;
            long fullNanos;
            long fullCpuNanos;
            try (Backend b = account.open(dir)) {
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                full = b.syncService().syncOnce();
                fullNanos = System.nanoTime() - t0;
                fullCpuNanos = processCpuNanos() - cpu0;
            } finally {
                if (!last) {
                    deleteQuietly(dir);
                }
            }
            LOG.info("Full sync, round {}: {}", i + 1, full);
            Listing after = listOnly(client);
            rounds.add(new Round(before, full, fullNanos, fullCpuNanos, after));
            before = after;
        }

        int touched = (int) Math.round(sim.candidateCount() * touchFraction);
        sim.touchCandidates(touchFraction);
        SyncReport inc;
        long incNanos;
        try (Backend b = BenchAccount.openExisting(dataDir)) {
            // The running app syncs with the whole candidate index loaded (the cache reads it at start: People's
            // first screen before the first paint, the rest right after), so the figure starts there too; the load
            // itself belongs to the cold-start figure. A search needs the whole index, so it waits for it.
            b.candidateQueries().count(new dev.recruitdesk.service.CandidateFilter("a", null));
            long t0 = System.nanoTime();
            inc = b.syncService().syncOnce();
            incNanos = System.nanoTime() - t0;
        }
        LOG.info("Incremental sync: {}", inc);
        return new Result(warm, rounds, inc, incNanos, touched);
    }

    /** A full sync, 1 % touched, an incremental sync: on a simulator of its own, into a cache deleted afterwards. */
    private static WarmUp warmUpSync(Path dir, int candidates) throws ServiceException {
        SimulatorConfig config = SimulatorConfig.builder().port(0).seed(7).candidates(candidates)
                .rateLimit(false).partnerPace(Duration.ofHours(1)).build();
        try (Simulator sim = Simulator.start(config)) {
            BenchAccount account = new BenchAccount(sim.baseUrl(), sim.apiKey());
            long fullNanos;
            long incNanos;
            try (Backend b = account.open(dir)) {
                long t0 = System.nanoTime();
                b.syncService().syncOnce();
                fullNanos = System.nanoTime() - t0;
                sim.touchCandidates(0.01);
                t0 = System.nanoTime();
                b.syncService().syncOnce();
                incNanos = System.nanoTime() - t0;
            }
            return new WarmUp(candidates, fullNanos, incNanos);
        } catch (java.io.IOException e) {
            throw new ServiceException(ServiceException.Reason.OTHER, "The warm-up simulator did not start: " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            BenchCommand.deleteTree(dir);
        } catch (java.io.IOException e) {
            LOG.warn("Could not delete the bench cache {}", dir, e);
        }
    }

    private static void warmUp(SmartRecruitersClient client) throws ApiException {
        String pageId = null;
        for (int i = 0; i < 30; i++) {
            CandidatePage page = client.listCandidates(CandidateListQuery.all(PAGE_SIZE), pageId);
            pageId = page.nextPageId();
            if (pageId == null || pageId.isEmpty()) {
                return;
            }
        }
    }
}
