package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.store.OutboxEntry;

import java.util.List;

/** How an outbox row looks to the screens: an order with no server id yet, Sending or Failed. */
final class QueuedOrders {

    private QueuedOrders() {
    }

    static AssessmentOrder toOrder(OutboxEntry e) {
        OutboxEntry.OrderPayload p = e.payload();
        OrderStatus status = e.state() == OutboxEntry.State.FAILED ? OrderStatus.FAILED : OrderStatus.SENDING;
        return new AssessmentOrder(null, e.idempotencyKey(), p.applicationId(), p.candidateId(), p.jobId(),
                p.partnerId(), p.partnerName(), p.packageId(), p.packageName(), status, e.createdOn(),
                e.updatedOn(), List.of(), null, null, null, List.of(), e.lastError(), e.attempts());
    }
}
