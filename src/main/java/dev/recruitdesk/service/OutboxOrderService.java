package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
import dev.recruitdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Ordering through the durable outbox: {@link #queue} commits a row and returns; a sender thread delivers rows with
 * their idempotency key (so a resend after a crash or a lost answer never makes a second order). A fault that may
 * pass (offline, 5xx, 429) keeps the row PENDING with the reason and it is tried again later; a refusal (4xx) marks
 * it FAILED until the recruiter retries.
 */
public final class OutboxOrderService implements OrderService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxOrderService.class);
    private static final Duration CATALOGUE_TTL = Duration.ofMinutes(3);

    private final CacheStore cache;
    private final OutboxStore outbox;
    private final ApiProvider apis;
    private final ChangeFeed feed;
    private final Duration retryInterval;
    private final Clock clock;
    private final Runnable onOutboxChanged;
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Timed<?>> catalogue = new ConcurrentHashMap<>();
    private final Thread sender;
    private volatile boolean closed;

    OutboxOrderService(CacheStore cache, OutboxStore outbox, ApiProvider apis, ChangeFeed feed, Duration retryInterval,
                       Clock clock, Runnable onOutboxChanged) {
        this.cache = cache;
        this.outbox = outbox;
        this.apis = apis;
        this.feed = feed;
        this.retryInterval = retryInterval;
        this.clock = clock;
        this.onOutboxChanged = onOutboxChanged;
        this.sender = new Thread(this::sendLoop, "outbox-sender");
        this.sender.setDaemon(true);
    }

    void start() {
        sender.start();
    }

    private record Timed<T>(T value, Instant at) {
    }

    @Override
    public List<Partner> partners() throws ServiceException {
        return cached("partners", () -> apis.api().partners());
    }

    @Override
    public List<AssessmentPackage> packages(String partnerId) throws ServiceException {
        return cached("packages/" + partnerId, () -> apis.api().packages(partnerId));
    }

    private interface Fetch<T> {
        T get() throws ApiException, ServiceException;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Fetch<T> fetch) throws ServiceException {
        Timed<?> hit = catalogue.get(key);
        if (hit != null && hit.at().plus(CATALOGUE_TTL).isAfter(clock.instant())) {
            return (T) hit.value();
        }
        try {
            T value = fetch.get();
            catalogue.put(key, new Timed<>(value, clock.instant()));
            return value;
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public Optional<AssessmentOrder> openDuplicate(OrderRequest request) {
        ApplicationRef app = request.application();
        String packageId = request.assessmentPackage().id();
        Optional<AssessmentOrder> stored = cache.ordersOfCandidate(app.candidateId()).stream()
                .filter(o -> app.jobId().equals(o.jobId()) && packageId.equals(o.packageId()) && o.status().isOpen())
                .findFirst();
        if (stored.isPresent()) {
            return stored;
        }
        return outbox.pendingFor(app.candidateId(), app.jobId(), packageId).stream().findFirst()
                .map(QueuedOrders::toOrder);
    }

    @Override
    public AssessmentOrder queue(OrderRequest request) {
        ApplicationRef app = request.application();
        String key = UUID.randomUUID().toString();
        Instant now = clock.instant();
        OutboxEntry.OrderPayload payload = new OutboxEntry.OrderPayload(app.applicationId(), app.candidateId(),
                app.jobId(), app.jobTitle(), request.partner().id(), request.partner().name(),
                request.assessmentPackage().id(), request.assessmentPackage().name(), apis.recruiterEmail());
        outbox.insert(key, payload, now);
        log.info("Queued order {} for candidate {} job {}", key, app.candidateId(), app.jobId());
        cache.markSending(app.candidateId(), now).join();
        announce(app.candidateId());
        wake.release();
        return QueuedOrders.toOrder(outbox.find(key).orElseThrow());
    }

    @Override
    public void retry(String idempotencyKey) {
        Optional<OutboxEntry> row = outbox.find(idempotencyKey);
        if (row.isPresent() && outbox.retry(idempotencyKey, clock.instant())) {
            cache.markSending(row.get().payload().candidateId(), clock.instant()).join();
            announce(row.get().payload().candidateId());
        }
        wake.release();
    }

    @Override
    public Path download(String url, Path target) throws ServiceException {
        try (InputStream in = apis.api().download(url)) {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.Reason.OTHER, "The file could not be saved: " + target, e);
        }
    }

    /** Sends what is pending now, on the caller's thread. Returns how many were accepted by the server. */
    public int sendPending() {
        int sent = 0;
        for (OutboxEntry e : outbox.pending()) {
            if (closed) {
                break;
            }
            Outcome outcome = send(e);
            if (outcome == Outcome.SENT) {
                sent++;
            } else if (outcome == Outcome.WAIT) {
                break; // offline or the server is struggling: the rest would fail the same way
            }
        }
        return sent;
    }

    private enum Outcome { SENT, FAILED, WAIT }

    private Outcome send(OutboxEntry e) {
        OutboxEntry.OrderPayload p = e.payload();
        String key = e.idempotencyKey();
        try {
            SmartRecruitersApi api = apis.api();
            if (p.applicationId() == null) {
                ApplicationRef ref = api.application(p.candidateId(), p.jobId());
                if (ref.applicationId() == null) {
                    return fail(e, "SmartRecruiters gave no application id for this candidate and job");
                }
                p = p.withApplicationId(ref.applicationId());
                outbox.updatePayload(key, p, clock.instant());
                cache.upsertApplications(List.of(new ApplicationRef(p.candidateId(), p.jobId(), null, null, null,
                        ref.applicationId(), false, null))).join();
            }
            AssessmentOrder placed = api.placeOrder(p.applicationId(), p.partnerId(), p.packageId(),
                    p.requesterEmail(), key);
            AssessmentOrder stored = SyncOrders.owned(placed, p.candidateId(), p.jobId(), key);
            cache.upsertOrders(List.of(stored)).join();
            outbox.markSent(key, placed.id(), clock.instant());
            log.info("Order {} sent as {}", key, placed.id());
            announce(p.candidateId());
            return Outcome.SENT;
        } catch (ApiException ex) {
            // a refused key is the account's fault, not the order's: wait for Settings to fix it (saving nudges us)
            if (ApiErrors.isTransient(ex) || ex.httpStatus() == 401 || ex.httpStatus() == 403) {
                outbox.recordTransientError(key, ApiErrors.words(ex), clock.instant());
                log.info("Order {} waits: {}", key, ApiErrors.words(ex));
                onOutboxChanged.run();
                return Outcome.WAIT;
            }
            return fail(e, ApiErrors.words(ex));
        } catch (ServiceException ex) {
            outbox.recordTransientError(key, ex.getMessage(), clock.instant());
            return Outcome.WAIT;
        } catch (StoreException | java.util.concurrent.CompletionException ex) {
            log.error("Order {} could not be recorded locally", key, ex);
            return Outcome.WAIT;
        }
    }

    private Outcome fail(OutboxEntry e, String why) {
        outbox.markFailed(e.idempotencyKey(), why, clock.instant());
        log.info("Order {} failed: {}", e.idempotencyKey(), why);
        cache.recomputeLatestOrder(e.payload().candidateId()).join();
        announce(e.payload().candidateId());
        return Outcome.FAILED;
    }

    private void announce(String candidateId) {
        feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(candidateId)));
        onOutboxChanged.run();
    }

    private void sendLoop() {
        while (!closed) {
            try {
                sendPending();
            } catch (RuntimeException e) {
                log.error("The outbox sender hit an error; it will try again", e);
            }
            try {
                wake.tryAcquire(retryInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Wakes the sender now (e.g. when the connection is back). */
    public void nudge() {
        wake.release();
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        try {
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
