package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.StuckRule;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxStore;
import dev.recruitdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The background sync. The first sync lists every candidate ({@code GET /candidates}, 100 a page); later ones ask
 * only for {@code updatedAfter} the newest change seen (minus a small overlap, since equal timestamps can straddle
 * a page). Pages are written while the next ones are fetched. A listing that fails midway stores what it got,
 * deletes nothing and leaves the bookmark where it was, so the next run repeats the work. Order ids are learnt per
 * application by a low-priority background walk: first for the candidates an incremental sync changed, then for
 * every application after a full sync. Open orders are polled on their own, shorter schedule. One lock keeps it to one sync at a time.
 */
public final class BackgroundSync implements SyncService {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSync.class);
    static final int PAGE_SIZE = 100;
    static final Duration OVERLAP = Duration.ofSeconds(2);
    static final String K_FULL_DONE = "full.complete";
    static final String K_GEN = "full.generation";
    static final String K_WATERMARK = "candidates.updatedOn";
    static final String K_BACKFILL = "orders.backfill.after";
    static final String BACKFILL_DONE = "done";
    private static final int BACKFILL_CHUNK = 50;
    /** Listed candidates waiting for the cache's writer before the listing waits for it (10 pages). */
    static final int MAX_ROWS_PER_WRITE = 1_000;
    /** Empty pages in a row, each naming a next page, before the listing counts as broken. */
    private static final int MAX_EMPTY_PAGES = 20;

    private final CacheStore cache;
    private final OutboxStore outbox;
    private final ApiProvider apis;
    private final ChangeFeed feed;
    private final Duration syncInterval;
    private final Duration pollInterval;
    private final Clock clock;
    private final ApplicationOrders applicationOrders;
    private final OrderPollBackoff pollBackoff;
    private final PackageCatalogue packageCatalogue;
    private final ReentrantLock running = new ReentrantLock();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "sync", Thread.NORM_PRIORITY));
    private final ExecutorService backfill = Executors.newSingleThreadExecutor(r -> thread(r, "order-backfill", Thread.MIN_PRIORITY));
    private volatile SyncStatus status = SyncStatus.initial();
    private volatile boolean closed;
    private volatile boolean backfillQueued;
    /** Work was queued while the walk ran: it goes round once more (guarded by this). */
    private boolean backfillAgain;
    private final java.util.concurrent.atomic.AtomicBoolean syncAsked = new java.util.concurrent.atomic.AtomicBoolean();

    BackgroundSync(CacheStore cache, OutboxStore outbox, ApiProvider apis, ChangeFeed feed, Duration syncInterval,
                   Duration pollInterval, Clock clock) {
        this.cache = cache;
        this.outbox = outbox;
        this.apis = apis;
        this.feed = feed;
        this.syncInterval = syncInterval;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.applicationOrders = new ApplicationOrders(cache);
        this.pollBackoff = new OrderPollBackoff(pollInterval);
        this.packageCatalogue = new PackageCatalogue(cache, clock);
        Instant last = cache.syncValue("last.success").map(Instant::parse).orElse(null);
        this.status = new SyncStatus(SyncStatus.Phase.IDLE, 0, -1, last, true, null, outbox.unsentCount());
    }

    private static Thread thread(Runnable r, String name, int priority) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(priority);
        return t;
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::syncQuietly, 0, syncInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::pollQuietly, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void syncNow() {
        // many clicks while a sync runs ask for one more sync, not a queue of them
        if (!closed && syncAsked.compareAndSet(false, true)) {
            scheduler.execute(this::syncQuietly);
        }
    }

    private volatile String notice;

    @Override
    public String notice() {
        return notice;
    }

    void setNotice(String notice) {
        this.notice = notice;
    }

    @Override
    public SyncStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /**
     * Makes the next sync a full listing (which also removes candidates no longer in SmartRecruiters), e.g. for a
     * "rebuild the cache" action. Returns once the request is stored.
     */
    public void requestFullSync() {
        cache.putSyncValue(K_FULL_DONE, "false").join();
    }

    private void syncQuietly() {
        syncAsked.set(false);
        try {
            syncOnce();
        } catch (RuntimeException e) {
            log.error("Sync failed unexpectedly", e);
        }
    }

    /**
     * One sync on the caller's thread (waits if another is running): candidates, jobs, then the orders of the
     * candidates it changed. Never throws for a remote or network fault: the report and the status say what happened.
     */
    public SyncReport syncOnce() {
        running.lock();
        try {
            return doSync();
        } finally {
            running.unlock();
        }
    }

    private SyncReport doSync() {
        long start = System.nanoTime();
        boolean full = !"true".equals(cache.syncValue(K_FULL_DONE).orElse(null));
        int gen = cache.syncValue(K_GEN).map(Integer::parseInt).orElse(0) + (full ? 1 : 0);
        Instant watermark = cache.syncValue(K_WATERMARK).map(Instant::parse).orElse(null);
        CandidateListQuery query = full || watermark == null ? CandidateListQuery.all(PAGE_SIZE)
                : CandidateListQuery.updatedAfter(PAGE_SIZE, watermark.minus(OVERLAP));
        SyncStatus.Phase phase = full ? SyncStatus.Phase.FULL_SYNC : SyncStatus.Phase.INCREMENTAL_SYNC;
        log.info("Sync started ({})", full ? "full" : "incremental");
        update(phase, 0, -1, null);

        Listing listing = new Listing();
        int ordersFetched = 0;
        try {
            SmartRecruitersApi api = apis.api();
            // into an empty cache, the People list publishes the new rows every 250 ms, not after each page (see CacheStore)
            boolean bulk = full && cache.beginBulkLoad().join();
            try {
                listing.run(api, query, gen, phase);
            } finally {
                if (bulk) {
                    cache.endBulkLoad().join();
                }
            }
            cache.upsertJobs(api.jobs()).join();
            if (full) {
                int gone = cache.deleteCandidatesNotSeenSince(gen, listing.ids).join();
                log.info("Full sync: {} candidates no longer in SmartRecruiters removed from the cache", gone);
                cache.putSyncValue(K_GEN, Integer.toString(gen));
                cache.putSyncValue(K_FULL_DONE, "true");
                cache.putSyncValue(K_BACKFILL, "");
            }
            if (listing.newest != null && (watermark == null || listing.newest.isAfter(watermark))) {
                cache.putSyncValue(K_WATERMARK, listing.newest.toString());
            }
            Instant now = clock.instant();
            cache.putSyncValue("last.success", now.toString()).join();
            feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, full ? Set.of() : Set.copyOf(listing.ids)));

            if (!full && !listing.ids.isEmpty()) {
                // their orders are read by the background walk: at SmartRecruiters' ~10 requests/s, two requests
                // per changed application would hold the sync (and the next one) for minutes
                cache.queueOrderRefresh(listing.ids).join();
            }
            status = new SyncStatus(SyncStatus.Phase.IDLE, listing.fetched, listing.total, now, true, null,
                    outbox.unsentCount());
            fire();
            queueBackfill();
            SyncReport report = new SyncReport(full, true, listing.fetched, listing.stored, listing.pages,
                    ordersFetched, millis(start), null, listing.fetchNanos / 1_000_000, listing.waitNanos / 1_000_000);
            log.info("Sync done: {}", report);
            return report;
        } catch (ApiException e) {
            return failed(full, listing, ordersFetched, start, ApiErrors.words(e), !e.isNetwork());
        } catch (ServiceException e) {
            return failed(full, listing, ordersFetched, start, e.getMessage(), true);
        } catch (StoreException | CompletionException e) {
            log.error("Sync could not write the cache", e);
            return failed(full, listing, ordersFetched, start, "The local cache could not be written", true);
        }
    }

    /** The paged listing, with page N written while page N+1 is fetched. */
    private final class Listing {
        final Set<String> ids = new HashSet<>();
        int fetched;
        int stored;
        int pages;
        int total = -1;
        Instant newest;
        long fetchNanos;
        long waitNanos;

        /** The smallest totalFound any page gave: a full listing that saw fewer candidates ended early. */
        int leastTotal = Integer.MAX_VALUE;

        /**
         * Pages go to the cache's writer as soon as it is free; while it is busy they collect, up to
         * {@link #MAX_ROWS_PER_WRITE}, and go together in one transaction. So the listing never waits for a write
         * unless that much is waiting (memory stays flat), and a slow writer does fewer, larger transactions.
         */
        void run(SmartRecruitersApi api, CandidateListQuery query, int gen, SyncStatus.Phase phase)
                throws ApiException, ServiceException {
            CompletableFuture<Integer> writing = CompletableFuture.completedFuture(0);
            List<Candidate> waiting = new ArrayList<>();
            String pageId = null;
            Set<String> followed = new HashSet<>();
            int emptyInARow = 0;
            try {
                do {
                    long t0 = System.nanoTime();
                    CandidatePage page = api.listCandidates(query, pageId);
                    fetchNanos += System.nanoTime() - t0;
                    pages++;
                    total = Math.max(total, page.totalFound());
                    if (page.totalFound() >= 0) {
                        leastTotal = Math.min(leastTotal, page.totalFound());
                    }
                    fetched += page.content().size();
                    for (Candidate c : page.content()) {
                        ids.add(c.id());
                        if (c.updatedOn() != null && (newest == null || c.updatedOn().isAfter(newest))) {
                            newest = c.updatedOn();
                        }
                    }
                    waiting.addAll(page.content());
                    if (writing.isDone() || waiting.size() >= MAX_ROWS_PER_WRITE) {
                        long t1 = System.nanoTime();
                        stored += writing.join();
                        waitNanos += System.nanoTime() - t1;
                        writing = cache.upsertCandidates(waiting, gen);
                        waiting = new ArrayList<>();
                    }
                    // distinct candidates: one that changed while the listing paged comes again at its end
                    update(phase, ids.size(), total, null);
                    pageId = page.nextPageId();
                    // An empty page with a next page id is not the end; a page id met again after records were
                    // served, or empty pages without end, would loop: the listing is then incomplete.
                    emptyInARow = page.content().isEmpty() ? emptyInARow + 1 : 0;
                    if (pageId != null && (emptyInARow > MAX_EMPTY_PAGES
                            || !page.content().isEmpty() && !followed.add(pageId))) {
                        throw new ServiceException(ServiceException.Reason.SERVER,
                                "SmartRecruiters' candidate listing went round in circles; the sync will try again");
                    }
                } while (pageId != null && !pageId.isEmpty() && !closed);
                if (pageId != null && !pageId.isEmpty()) {
                    // Stopped by close(): a full sync that went on to delete the unseen candidates would lose them.
                    throw new ServiceException(ServiceException.Reason.OTHER, "The sync was stopped");
                }
                if (!closed && pageId == null && query.updatedAfter() == null && leastTotal != Integer.MAX_VALUE
                        && ids.size() < leastTotal) {
                    throw new ServiceException(ServiceException.Reason.SERVER, "SmartRecruiters' candidate listing "
                            + "ended after " + ids.size() + " of " + leastTotal + " candidates; the sync will try again");
                }
            } finally {
                // whatever happened, store what was listed and wait for it, so a failure report counts what is stored
                try {
                    long t1 = System.nanoTime();
                    stored += writing.join();
                    if (!waiting.isEmpty()) {
                        stored += cache.upsertCandidates(waiting, gen).join();
                    }
                    waitNanos += System.nanoTime() - t1;
                } catch (CompletionException e) {
                    log.warn("The last pages could not be stored", e);
                }
            }
        }
    }

    private SyncReport failed(boolean full, Listing listing, int ordersFetched, long start, String why, boolean online) {
        log.warn("Sync incomplete after {} candidates: {}", listing.fetched, why);
        cache.putSyncValue("last.incomplete", clock.instant().toString());
        status = new SyncStatus(SyncStatus.Phase.FAILED, listing.fetched, listing.total, status.lastSuccess(), online,
                why, outbox.unsentCount());
        fire();
        return new SyncReport(full, false, listing.fetched, listing.stored, listing.pages, ordersFetched,
                millis(start), why, listing.fetchNanos / 1_000_000, listing.waitNanos / 1_000_000);
    }

    /**
     * Reads the orders of the candidates incremental syncs changed (queued in the cache, so a restart keeps them), a
     * chunk at a time, before the full walk. Returns the orders read.
     */
    public int refreshQueuedOrders() {
        int fetched = 0;
        try {
            SmartRecruitersApi api = apis.api();
            List<String> chunk;
            while (!closed && !(chunk = cache.orderRefreshQueue(BACKFILL_CHUNK)).isEmpty()) {
                ApplicationOrders.Result r = applicationOrders.refresh(api, cache.applicationsOf(chunk));
                fetched += r.ordersFetched();
                announceOrders(r.changedCandidates());
                cache.orderRefreshDone(chunk).join();
            }
        } catch (ApiException | ServiceException e) {
            log.info("Order refresh paused: {}", e.getMessage());
        }
        return fetched;
    }

    /**
     * After the first full sync: walks every application in key order, a chunk at a time, learning application
     * UUIDs and orders; the position is kept, so a restart or a network fault resumes where it stopped.
     */
    public int backfillOrders(int maxApplications) {
        int done = 0, fetched = 0;
        String after = cache.syncValue(K_BACKFILL).orElse(BACKFILL_DONE);
        try {
            SmartRecruitersApi api = apis.api();
            while (!closed && !BACKFILL_DONE.equals(after) && done < maxApplications) {
                CacheStore.ApplicationWalk walk = cache.applicationsAfter(after, BACKFILL_CHUNK);
                List<ApplicationRef> apps = walk.applications();
                if (apps.isEmpty()) {
                    after = BACKFILL_DONE;
                } else {
                    ApplicationOrders.Result r = applicationOrders.refresh(api, apps);
                    fetched += r.ordersFetched();
                    announceOrders(r.changedCandidates());
                    after = walk.next();
                    done += apps.size();
                }
                cache.putSyncValue(K_BACKFILL, after).join();
            }
        } catch (ApiException | ServiceException e) {
            log.info("Order backfill paused: {}", e.getMessage());
        }
        return fetched;
    }

    /**
     * True once the order backfill after the last full sync has walked every application, no changed candidate
     * waits for its orders, and the walk is not running.
     */
    public boolean backfillDone() {
        return !backfillQueued && !backgroundOrdersPending();
    }

    private boolean backgroundOrdersPending() {
        return !BACKFILL_DONE.equals(cache.syncValue(K_BACKFILL).orElse(BACKFILL_DONE))
                || !cache.orderRefreshQueue(1).isEmpty();
    }

    /** Starts the background walk if it has work and is not running; if it is running, it goes round once more. */
    private synchronized void queueBackfill() {
        if (closed) {
            return;
        }
        if (backfillQueued) {
            backfillAgain = true;
            return;
        }
        if (!backgroundOrdersPending()) {
            return;
        }
        backfillQueued = true;
        backfill.execute(() -> {
            try {
                refreshQueuedOrders();
                backfillOrders(Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                log.error("Order backfill failed", e);
            } finally {
                boolean again;
                synchronized (this) {
                    backfillQueued = false;
                    again = backfillAgain;
                    backfillAgain = false;
                }
                if (again) {
                    queueBackfill();
                }
            }
        });
    }

    /**
     * Asks the server about the open orders that are due (see {@link OrderPollBackoff}: ordinary open orders every
     * round; unknown statuses, stuck orders and orders the server refuses to show less and less often, up to once an
     * hour). Skipped while a sync runs. Returns how many orders were asked about and answered.
     */
    public int pollOpenOrders() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            List<AssessmentOrder> open = cache.openOrders();
            Set<String> openIds = new HashSet<>();
            open.forEach(o -> openIds.add(o.id()));
            pollBackoff.retainOnly(openIds);
            Instant now = clock.instant();
            List<AssessmentOrder> due = open.stream().filter(o -> pollBackoff.isDue(o.id(), now)).toList();
            if (due.isEmpty()) {
                return 0;
            }
            SmartRecruitersApi api = apis.api();
            PackageTimes times = packageCatalogue.timesFor(api, due);
            List<AssessmentOrder> fresh = new ArrayList<>();
            for (AssessmentOrder o : due) {
                if (closed) {
                    break;
                }
                AssessmentOrder answer;
                try {
                    answer = SyncOrders.owned(api.order(o.id()), o.candidateId(), o.jobId(), o.idempotencyKey());
                } catch (ApiException e) {
                    if (ApiErrors.isTransient(e) || e.httpStatus() == 401 || e.httpStatus() == 403) {
                        throw e; // the others would fail the same way
                    }
                    // this one order is refused (e.g. gone): it must not stop the others, nor be asked every round
                    pollBackoff.asked(o.id(), true, false, now);
                    log.debug("Order {} not polled: {}", o.id(), ApiErrors.words(e));
                    continue;
                }
                fresh.add(answer);
                pollBackoff.asked(o.id(), pollsSlowly(answer, times, now), !sameState(o, answer), now);
            }
            Set<String> changed = cache.upsertOrders(fresh).join();
            announceOrders(changed);
            if (!status.online()) {
                status = new SyncStatus(status.phase(), status.done(), status.total(), status.lastSuccess(), true,
                        status.lastError(), outbox.unsentCount());
                fire();
            }
            return fresh.size();
        } catch (ApiException e) {
            if (e.isNetwork() && status.online()) {
                status = new SyncStatus(status.phase(), status.done(), status.total(), status.lastSuccess(), false,
                        ApiErrors.words(e), outbox.unsentCount());
                fire();
            }
            log.debug("Order poll failed: {}", ApiErrors.words(e));
            return 0;
        } catch (ServiceException e) {
            return 0;
        } finally {
            running.unlock();
        }
    }

    /** An order we cannot read the end of (unknown status) or that is stuck is asked about less often. */
    static boolean pollsSlowly(AssessmentOrder o, PackageTimes times, Instant now) {
        return o.status().kind() == OrderStatus.Kind.UNKNOWN
                || StuckRule.check(o, times.minutes(o.packageId()), now).isPresent();
    }

    private static boolean sameState(AssessmentOrder before, AssessmentOrder after) {
        return before.status().equals(after.status()) && java.util.Objects.equals(before.updatedOn(), after.updatedOn());
    }

    private void pollQuietly() {
        try {
            pollOpenOrders();
        } catch (RuntimeException e) {
            log.error("Order poll failed unexpectedly", e);
        }
    }

    private void announceOrders(Set<String> candidateIds) {
        if (!candidateIds.isEmpty()) {
            feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.copyOf(candidateIds)));
        }
    }

    /** The outbox changed: refresh the queued-writes count in the status. */
    void outboxChanged() {
        SyncStatus s = status;
        status = new SyncStatus(s.phase(), s.done(), s.total(), s.lastSuccess(), s.online(), s.lastError(),
                outbox.unsentCount());
        fire();
    }

    /** A write could not reach SmartRecruiters at all (the outbox sender): the status goes offline with why. */
    void connectionLost(String why) {
        SyncStatus s = status;
        if (s.online()) {
            status = new SyncStatus(s.phase(), s.done(), s.total(), s.lastSuccess(), false, why, outbox.unsentCount());
            fire();
        }
    }

    /** A write or the outbox's reconnect probe got an answer: online again. */
    void connectionBack() {
        SyncStatus s = status;
        if (!s.online()) {
            status = new SyncStatus(s.phase(), s.done(), s.total(), s.lastSuccess(), true, null, outbox.unsentCount());
            fire();
        }
    }

    private void update(SyncStatus.Phase phase, int done, int total, String error) {
        SyncStatus s = status;
        status = new SyncStatus(phase, done, total, s.lastSuccess(), s.online(), error == null ? s.lastError() : error,
                s.queuedWrites());
        fire();
    }

    private void fire() {
        SyncStatus s = status;
        for (Consumer<SyncStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                log.warn("A sync status listener failed", e);
            }
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        closed = true;
        // Ask first, interrupt only if they do not stop: the loops check `closed` between calls, and an interrupt in
        // the middle of a database read is what logged ClosedByInterruptException at shutdown.
        scheduler.shutdown();
        backfill.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
            if (!backfill.awaitTermination(5, TimeUnit.SECONDS)) {
                backfill.shutdownNow();
                backfill.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
