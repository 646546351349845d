package dev.recruitdesk.app.bench;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.ServiceException;
import dev.recruitdesk.service.SyncReport;
import dev.recruitdesk.simulator.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Full and incremental sync against their baselines. Each sync gets a freshly opened backend that is closed right
 * after, so the order backfill a full sync queues cannot run into the next measurement.
 */
final class SyncBench {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBench.class);
    private static final int PAGE_SIZE = 100;

    record Listing(int candidates, int pages, long nanos) {
    }

    record Result(Listing baselineBefore, Listing baselineAfter, SyncReport full, long fullNanos,
                  SyncReport incremental, long incrementalNanos, int touched) {

        double baselineNanos() {
            return (baselineBefore.nanos() + baselineAfter.nanos()) / 2.0;
        }
    }

    private SyncBench() {
    }

    /** Pages through the whole listing with the sync's page size and query, keeping nothing. */
    static Listing listOnly(SmartRecruitersClient client) throws ApiException {
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
        return new Listing(count, pages, System.nanoTime() - t0);
    }

    /**
     * Baseline, full sync, baseline again (the mean of the two is the baseline, so a change in the machine's load
     * during the run weighs on both sides), then 1 % touched and an incremental sync.
     */
    static Result run(Simulator sim, BenchAccount account, Path dataDir, double touchFraction)
            throws ApiException, ServiceException {
        SmartRecruitersClient client = account.client();
        // A short listing first: class loading and the first JIT pass should not land on either side.
        warmUp(client);
        Listing before = listOnly(client);
        LOG.info("Baseline listing: {} candidates, {} pages, {} ms", before.candidates(), before.pages(), before.nanos() / 1_000_000);

        SyncReport full;
        long fullNanos;
        try (Backend b = account.open(dataDir)) {
            long t0 = System.nanoTime();
            full = b.syncService().syncOnce();
            fullNanos = System.nanoTime() - t0;
        }
        LOG.info("Full sync: {}", full);
        Listing after = listOnly(client);

        int touched = (int) Math.round(sim.candidateCount() * touchFraction);
        sim.touchCandidates(touchFraction);
        SyncReport inc;
        long incNanos;
        try (Backend b = BenchAccount.openExisting(dataDir)) {
            // The app's People list waits for the candidate index the cache builds at start; the running app syncs
            // with it loaded, so the figure starts there too (the load itself belongs to the cold-start figure).
            b.candidateQueries().count(dev.recruitdesk.service.CandidateFilter.ALL);
            long t0 = System.nanoTime();
            inc = b.syncService().syncOnce();
            incNanos = System.nanoTime() - t0;
        }
        LOG.info("Incremental sync: {}", inc);
        return new Result(before, after, full, fullNanos, inc, incNanos, touched);
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
