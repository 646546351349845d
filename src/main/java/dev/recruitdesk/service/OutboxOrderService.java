package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
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
 * Ordering through the durable outbox: {@link #queue} commits a row and returns; a sender thread delivers the
 * outbox's rows (orders, moves and new candidates: see {@link OutboxSender} for the rules) with their idempotency key
 * and a check on the server before any resend, so a resend after a crash or a lost answer never makes a second
 * order. An order queued while offline is held until the recruiter confirms it; one queued while online is sent
 * at once (the click is the consent).
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
    private final OutboxSender sender;
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Timed<?>> catalogue = new ConcurrentHashMap<>();
    private final Thread senderThread;
    private volatile boolean closed;

    OutboxOrderService(CacheStore cache, OutboxStore outbox, ApiProvider apis, ChangeFeed feed, Duration retryInterval,
                       Clock clock, OutboxSender sender) {
        this.cache = cache;
        this.outbox = outbox;
        this.apis = apis;
        this.feed = feed;
        this.retryInterval = retryInterval;
        this.clock = clock;
        this.sender = sender;
        this.senderThread = new Thread(this::sendLoop, "outbox-sender");
        this.senderThread.setDaemon(true);
    }

    void start() {
        senderThread.start();
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
        // Offline, the order waits for the recruiter's confirmation once the connection is back (held).
        boolean held = !sender.events().online();
        outbox.insert(key, OutboxEntry.Kind.PLACE_ORDER, payload, null, held, false, now);
        log.info("Queued order {} for candidate {} job {}{}", key, app.candidateId(), app.jobId(),
                held ? " (offline: held)" : "");
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

    /**
     * Sends what may be sent now (every kind; held rows wait for the recruiter), on the caller's thread. Returns
     * how many the server accepted.
     */
    public int sendPending() {
        return sender.sendRound(() -> closed);
    }

    private void announce(String candidateId) {
        feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(candidateId)));
        sender.events().outboxChanged();
    }

    private void sendLoop() {
        while (!closed) {
            try {
                sender.probeIfOfflineWithHeldWrites();
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

    /** Wakes the sender now (e.g. when the connection is back or the recruiter confirmed held writes). */
    public void nudge() {
        wake.release();
    }

    @Override
    public void close() {
        closed = true;
        // Ask first: an interrupt in the middle of a database write only makes noise (the row is safe either way:
        // a claim that went through leaves it SENDING, checked at the next start).
        wake.release();
        try {
            senderThread.join(2_000);
            if (senderThread.isAlive()) {
                senderThread.interrupt();
                senderThread.join(3_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
