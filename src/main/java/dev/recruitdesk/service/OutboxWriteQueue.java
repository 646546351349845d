package dev.recruitdesk.service;

import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxEntry.CandidatePayload;
import dev.recruitdesk.store.OutboxEntry.MovePayload;
import dev.recruitdesk.store.OutboxEntry.OrderPayload;
import dev.recruitdesk.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link WriteQueue} over the outbox: lists rows with names from the cache, releases and discards held ones. */
final class OutboxWriteQueue implements WriteQueue {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriteQueue.class);

    private final OutboxStore outbox;
    private final CacheStore cache;
    private final ChangeFeed feed;
    private final Clock clock;
    private final Runnable wakeSender;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    OutboxWriteQueue(OutboxStore outbox, CacheStore cache, ChangeFeed feed, Clock clock, Runnable wakeSender) {
        this.outbox = outbox;
        this.cache = cache;
        this.feed = feed;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    @Override
    public List<QueuedWrite> unsent() {
        return view(outbox.unsent());
    }

    @Override
    public List<QueuedWrite> writes(Collection<String> keys) {
        List<OutboxEntry> rows = new ArrayList<>();
        for (String key : keys) {
            outbox.find(key).ifPresent(rows::add);
        }
        return view(rows);
    }

    @Override
    public int heldCount() {
        return outbox.heldCount();
    }

    @Override
    public void send(Collection<String> keys) {
        int released = outbox.release(keys, clock.instant());
        for (String key : keys) {
            // a FAILED one confirmed again is sent again, with the same key; an order shows as Sending again
            var row = outbox.find(key);
            if (outbox.retry(key, clock.instant()) && row.isPresent()
                    && row.get().kind() == OutboxEntry.Kind.PLACE_ORDER) {
                cache.markSending(row.get().payload().candidateId(), clock.instant()).join();
            }
        }
        log.info("The recruiter confirmed {} queued write(s)", released);
        changed(keys);
        wakeSender.run();
    }

    @Override
    public int discard(Collection<String> keys) {
        int n = outbox.discard(keys, clock.instant());
        log.info("The recruiter discarded {} queued write(s)", n);
        changed(keys);
        return n;
    }

    private void changed(Collection<String> keys) {
        for (OutboxEntry e : writesAsRows(keys)) {
            if (e.kind() == OutboxEntry.Kind.PLACE_ORDER) {
                // a discarded order leaves the profile; the People chip follows the orders that are left
                cache.recomputeLatestOrder(e.payload().candidateId()).join();
                feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(e.payload().candidateId())));
            } else if (e.kind() == OutboxEntry.Kind.MOVE_APPLICATION) {
                feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of(e.payload().candidateId())));
            }
        }
        fireChanged();
    }

    private List<OutboxEntry> writesAsRows(Collection<String> keys) {
        List<OutboxEntry> rows = new ArrayList<>();
        for (String key : keys) {
            outbox.find(key).ifPresent(rows::add);
        }
        return rows;
    }

    @Override
    public AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void fireChanged() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("A write-queue listener failed", e);
            }
        }
    }

    private List<QueuedWrite> view(List<OutboxEntry> rows) {
        Map<String, String> jobTitles = new HashMap<>();
        if (!rows.isEmpty()) {
            for (Job j : cache.jobs()) {
                jobTitles.put(j.id(), j.title());
            }
        }
        List<QueuedWrite> out = new ArrayList<>(rows.size());
        for (OutboxEntry e : rows) {
            out.add(new QueuedWrite(e.idempotencyKey(), kind(e), candidate(e), target(e, jobTitles), e.createdOn(),
                    state(e), e.lastError(), e.attempts()));
        }
        return out;
    }

    private static QueuedWrite.Kind kind(OutboxEntry e) {
        return switch (e.kind()) {
            case PLACE_ORDER -> QueuedWrite.Kind.ORDER;
            case MOVE_APPLICATION -> QueuedWrite.Kind.MOVE;
            case CREATE_CANDIDATE -> QueuedWrite.Kind.NEW_CANDIDATE;
        };
    }

    private static QueuedWrite.State state(OutboxEntry e) {
        return switch (e.state()) {
            case PENDING -> e.held() ? QueuedWrite.State.HELD : QueuedWrite.State.WAITING;
            case SENDING -> QueuedWrite.State.SENDING;
            case SENT -> QueuedWrite.State.SENT;
            case FAILED -> QueuedWrite.State.FAILED;
            case DISCARDED -> QueuedWrite.State.DISCARDED;
        };
    }

    private String candidate(OutboxEntry e) {
        if (e.payload() instanceof CandidatePayload p) {
            String name = ((p.firstName() == null ? "" : p.firstName()) + " "
                    + (p.lastName() == null ? "" : p.lastName())).strip();
            if (p.fromResume() && name.isEmpty()) {
                return "Résumé " + p.resumeFileName();
            }
            return p.email() == null ? name : name + " <" + p.email() + ">";
        }
        if (e.payload() instanceof MovePayload p && p.candidateName() != null && !p.candidateName().isBlank()) {
            return p.candidateName();
        }
        String id = e.payload().candidateId();
        return cache.candidate(id).map(Candidate::displayName).orElse(id);
    }

    private static String target(OutboxEntry e, Map<String, String> jobTitles) {
        String job = jobTitles.getOrDefault(e.payload().jobId(), e.payload().jobId());
        if (e.payload() instanceof OrderPayload p) {
            return (p.jobTitle() == null ? job : p.jobTitle()) + " · " + p.partnerName() + " " + p.packageName();
        }
        if (e.payload() instanceof MovePayload p) {
            return job + " · to " + p.status() + (p.step() == null || p.step().isBlank() ? "" : " / " + p.step());
        }
        CandidatePayload p = (CandidatePayload) e.payload();
        return (p.jobTitle() == null ? job : p.jobTitle()) + " · new candidate";
    }
}
