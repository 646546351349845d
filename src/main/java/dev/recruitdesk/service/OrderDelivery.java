package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxEntry.OrderPayload;
import dev.recruitdesk.store.OutboxStore;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * PLACE_ORDER rows: {@code POST /assessment-orders} with the row's idempotency key. The check before a resend lists
 * the application's orders and adopts the one that is ours: the same key if the server echoes it, else the same
 * partner and package created after the row was queued (less {@link #CLOCK_SKEW}) and not adopted by another row.
 */
final class OrderDelivery implements Delivery<AssessmentOrder> {

    private final CacheStore cache;
    private final OutboxStore outbox;
    private final ChangeFeed feed;
    private final Clock clock;

    OrderDelivery(CacheStore cache, OutboxStore outbox, ChangeFeed feed, Clock clock) {
        this.cache = cache;
        this.outbox = outbox;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public AssessmentOrder alreadyDone(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException {
        OrderPayload p = withApplicationId(api, row);
        Instant notBefore = row.createdOn().minus(CLOCK_SKEW);
        Set<String> taken = new HashSet<>(outbox.serverIds(OutboxEntry.Kind.PLACE_ORDER));
        AssessmentOrder match = null;
        for (AssessmentOrder o : api.orders(p.applicationId())) {
            if (row.idempotencyKey().equals(o.idempotencyKey())) {
                match = o;
                break;
            }
            boolean same = Objects.equals(p.packageId(), o.packageId())
                    && (o.partnerId() == null || Objects.equals(p.partnerId(), o.partnerId()))
                    && o.createdOn() != null && !o.createdOn().isBefore(notBefore) && !taken.contains(o.id());
            if (same && match == null) {
                match = o;
            }
        }
        return match == null ? null : stored(match, p, row.idempotencyKey());
    }

    @Override
    public AssessmentOrder send(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException {
        OrderPayload p = withApplicationId(api, row);
        AssessmentOrder placed = api.placeOrderOnce(p.applicationId(), p.partnerId(), p.packageId(), p.requesterEmail(),
                row.idempotencyKey());
        return stored(placed, p, row.idempotencyKey());
    }

    private AssessmentOrder stored(AssessmentOrder o, OrderPayload p, String key) {
        AssessmentOrder owned = SyncOrders.owned(o, p.candidateId(), p.jobId(), key);
        cache.upsertOrders(List.of(owned)).join();
        return owned;
    }

    /** The order needs the application's UUID; a row queued before the cache knew it learns it now, once. */
    private OrderPayload withApplicationId(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException {
        OrderPayload p = row.order();
        if (p.applicationId() != null) {
            return p;
        }
        ApplicationRef ref = api.application(p.candidateId(), p.jobId());
        if (ref.applicationId() == null) {
            throw new FieldProblem("application", "SmartRecruiters gave no application id for this candidate and job");
        }
        p = p.withApplicationId(ref.applicationId());
        outbox.updatePayload(row.idempotencyKey(), p, clock.instant());
        cache.upsertApplications(List.of(new ApplicationRef(p.candidateId(), p.jobId(), null, null, null,
                ref.applicationId(), false, null))).join();
        return p;
    }

    @Override
    public String serverId(AssessmentOrder result) {
        return result.id();
    }

    @Override
    public String candidateId(AssessmentOrder result) {
        return result.candidateId();
    }

    @Override
    public void settled(OutboxEntry row, OutboxSender.Outcome outcome) {
        String candidateId = row.payload().candidateId();
        if (outcome == OutboxSender.Outcome.REFUSED) {
            cache.recomputeLatestOrder(candidateId).join();
        }
        feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(candidateId)));
    }
}
