package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link CandidateQueries} over the local cache, with the outbox's unsent orders merged in. */
public final class CacheCandidateQueries implements CandidateQueries {

    private final CacheStore cache;
    private final OutboxStore outbox;

    public CacheCandidateQueries(CacheStore cache, OutboxStore outbox) {
        this.cache = cache;
        this.outbox = outbox;
    }

    @Override
    public int count(CandidateFilter filter) {
        return cache.count(filter.text(), filter.statusKind());
    }

    @Override
    public List<CandidateRow> page(CandidateFilter filter, int offset, int limit) {
        return cache.page(filter.text(), filter.statusKind(), offset, limit);
    }

    @Override
    public Optional<Candidate> candidate(String candidateId) {
        return cache.candidate(candidateId);
    }

    @Override
    public List<AssessmentOrder> orders(String candidateId) {
        // The outbox first: an order sent between the two reads is then in both (and shown once), never in neither.
        var unsent = outbox.unsentFor(candidateId);
        List<AssessmentOrder> stored = cache.ordersOfCandidate(candidateId);
        Set<String> storedKeys = stored.stream().map(AssessmentOrder::idempotencyKey)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<AssessmentOrder> all = new ArrayList<>();
        // A row whose order is already in the cache was just sent: show the server's copy only.
        unsent.stream().filter(e -> !storedKeys.contains(e.idempotencyKey()))
                .map(QueuedOrders::toOrder).forEach(all::add);
        all.addAll(stored);
        all.sort(Comparator.comparing((AssessmentOrder o) -> o.createdOn() == null ? Instant.MIN : o.createdOn())
                .reversed());
        return all;
    }

    @Override
    public List<String> queuedMoves(String candidateId) {
        List<String> out = new ArrayList<>();
        for (var e : outbox.unsentFor(candidateId, dev.recruitdesk.store.OutboxEntry.Kind.MOVE_APPLICATION)) {
            var p = (dev.recruitdesk.store.OutboxEntry.MovePayload) e.payload();
            String where = p.status() + (p.step() == null ? "" : " / " + p.step());
            String state = switch (e.state()) {
                case FAILED -> "failed: " + e.lastError();
                case SENDING -> "being sent";
                default -> e.held() ? "held until you confirm (queued while offline)" : "waiting to be sent";
            };
            out.add("Move to " + where + ": " + state);
        }
        return out;
    }

    @Override
    public List<Job> jobs() {
        return cache.jobs();
    }

    @Override
    public List<AssessmentOrder> openOrders() {
        return cache.openOrders();
    }

    @Override
    public PackageTimes packageTimes() {
        return cache.packageTimes();
    }
}
