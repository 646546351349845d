package dev.recruitdesk.service;

import dev.recruitdesk.service.secret.FallbackSecretStore;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
import dev.recruitdesk.store.StoreException;
import dev.recruitdesk.store.UnreadableDatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The one entry point the app uses: opens the two databases in the data folder ({@code cache}, disposable;
 * {@code state}, the outbox), builds the services on them and starts the outbox sender. Call
 * {@code syncService().start()} to begin the background sync; {@link #close()} stops everything.
 */
public final class Backend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Backend.class);

    private final CacheStore cache;
    private final OutboxStore outbox;
    private final ChangeFeed changeFeed;
    private final CacheCandidateQueries candidateQueries;
    private final RemoteProfileService profileService;
    private final OutboxOrderService orderService;
    private final SettingsAccountService accountService;
    private final BackgroundSync syncService;
    private final RemoteHiringProcessService hiringProcessService;
    private final RemoteMoveService moveService;
    private final RemoteAddCandidateService addCandidateService;
    private final OutboxWriteQueue writeQueue;
    private final Path dataDir;

    private Backend(Path dataDir, BackendOptions options) {
        this.dataDir = dataDir;
        try {
            OwnerOnlyFolder.create(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
        }
        SecretStore secrets = options.secretStore() != null ? options.secretStore()
                : FallbackSecretStore.createDefault(dataDir);
        SettingsFile settings = new SettingsFile(dataDir);
        ApiProvider apis = new ApiProvider(options.apiFactory(), settings, secrets);
        Clock clock = Clock.systemUTC();
        CacheOpening.Opened cacheOpened = CacheOpening.open(dataDir, clock);
        this.cache = cacheOpened.cache();
        this.outbox = openOutbox(dataDir, cache);
        // H2 makes new files with the default umask: narrowed now, not only at the end of a session that may be killed
        OwnerOnlyFolder.restrict(dataDir);
        this.changeFeed = new SimpleChangeFeed();
        this.candidateQueries = new CacheCandidateQueries(cache, outbox);
        this.profileService = new RemoteProfileService(cache, apis, changeFeed);
        this.accountService = new SettingsAccountService(settings, secrets, apis, changeFeed, this::forgetOtherAccount);
        this.syncService = new BackgroundSync(cache, outbox, apis, changeFeed, options.syncInterval(),
                options.orderPollInterval(), clock);
        syncService.setNotice(cacheOpened.notice());
        // Rows a crash left SENDING go back in line; their attempts make the sender check the server first.
        int interrupted = outbox.recoverInterrupted(clock.instant());
        if (interrupted > 0) {
            log.info("{} outbox write(s) were being sent when the app stopped: checked before they are sent again",
                    interrupted);
        }
        OutboxOrderService[] wake = new OutboxOrderService[1];
        this.writeQueue = new OutboxWriteQueue(outbox, cache, changeFeed, clock, () -> wake[0].nudge());
        OutboxSender sender = new OutboxSender(outbox, apis, clock, new SyncOutboxEvents(syncService, writeQueue));
        CandidateDelivery candidates = new CandidateDelivery(cache, outbox, changeFeed);
        sender.register(OutboxEntry.Kind.PLACE_ORDER, new OrderDelivery(cache, outbox, changeFeed, clock));
        sender.register(OutboxEntry.Kind.MOVE_APPLICATION, new MoveDelivery(cache, changeFeed, false));
        sender.register(OutboxEntry.Kind.CREATE_CANDIDATE, candidates);
        this.orderService = new OutboxOrderService(cache, outbox, apis, changeFeed, options.orderPollInterval(), clock,
                sender);
        wake[0] = orderService;
        this.hiringProcessService = new RemoteHiringProcessService(cache, apis, changeFeed);
        this.moveService = new RemoteMoveService(new MoveDelivery.Factory(cache, changeFeed), outbox, apis, changeFeed,
                sender, clock, orderService::nudge);
        this.addCandidateService = new RemoteAddCandidateService(cache, outbox, apis, sender, candidates, clock,
                orderService::nudge);
        // a saved account may fix what made the outbox wait
        changeFeed.subscribe(e -> {
            if (e.kind() == ChangeEvent.Kind.SETTINGS) {
                orderService.nudge();
            }
        });
        orderService.start();
        OwnerOnlyFolder.restrict(dataDir);
        log.info("Backend open on {} (secrets: {})", dataDir, secrets.backendName());
    }

    /**
     * The outbox holds writes not yet sent: unlike the cache, a file that cannot be read is never replaced or moved.
     * The app does not start, and says which file it is, so nothing queued is lost behind the recruiter's back.
     */
    private static OutboxStore openOutbox(Path dataDir, CacheStore cache) {
        try {
            return OutboxStore.open(dataDir);
        } catch (UnreadableDatabaseException e) {
            cache.close();
            throw new StoreException("The outbox file " + e.file() + " cannot be read (" + rootMessage(e)
                    + "). It holds changes not yet sent to SmartRecruiters, so RecruitDesk leaves it untouched and does"
                    + " not start. Restore it from a backup, or move it out of the folder to start without those changes.", e);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage();
        int colon = m == null ? -1 : m.indexOf(": ");
        return colon < 0 ? "damaged or unknown format" : m.substring(colon + 2);
    }

    public static Backend open(Path dataDir, BackendOptions options) {
        return new Backend(dataDir, options);
    }

    public CandidateQueries candidateQueries() {
        return candidateQueries;
    }

    public ProfileService profileService() {
        return profileService;
    }

    public OutboxOrderService orderService() {
        return orderService;
    }

    public AccountService accountService() {
        return accountService;
    }

    public BackgroundSync syncService() {
        return syncService;
    }

    public HiringProcessService hiringProcessService() {
        return hiringProcessService;
    }

    public MoveService moveService() {
        return moveService;
    }

    public AddCandidateService addCandidateService() {
        return addCandidateService;
    }

    /** The outbox for the review dialog: held writes to confirm or discard. */
    public WriteQueue writeQueue() {
        return writeQueue;
    }

    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    /**
     * The account now points at another SmartRecruiters: its candidates are not this one's, so the cache is emptied
     * and rebuilt by a full sync, and orders still waiting in the outbox are held back (failed, with the reason, for
     * the recruiter to see) instead of being sent to the wrong account.
     */
    private void forgetOtherAccount() {
        java.time.Instant now = java.time.Instant.now();
        for (var entry : outbox.pending()) {
            outbox.markFailed(entry.idempotencyKey(), "Not sent: the SmartRecruiters account changed before it was sent", now);
        }
        cache.clearAll().join();
        changeFeed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, java.util.Set.of()));
        changeFeed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, java.util.Set.of()));
        syncService.syncNow();
    }

    @Override
    public void close() {
        syncService.close();
        orderService.close();
        outbox.close();
        cache.close();
        OwnerOnlyFolder.restrict(dataDir);
        log.info("Backend closed");
    }
}
