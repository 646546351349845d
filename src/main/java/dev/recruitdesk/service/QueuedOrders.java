package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.store.OutboxEntry;

import java.util.List;

/** How an outbox order row looks to the screens: an order with no server id yet, Sending or Failed. */
final class QueuedOrders {

    static final String HELD_NOTE = "Queued while offline: sent once you confirm (Review…)";

    private QueuedOrders() {
    }

    static AssessmentOrder toOrder(OutboxEntry e) {
        OutboxEntry.OrderPayload p = e.order();
        OrderStatus status = e.state() == OutboxEntry.State.FAILED ? OrderStatus.FAILED : OrderStatus.SENDING;
        String error = e.held() ? HELD_NOTE + (e.lastError() == null ? "" : " — " + e.lastError()) : e.lastError();
        return new AssessmentOrder(null, e.idempotencyKey(), p.applicationId(), p.candidateId(), p.jobId(),
                p.partnerId(), p.partnerName(), p.packageId(), p.packageName(), status, e.createdOn(),
                e.updatedOn(), List.of(), null, null, null, List.of(), error, e.attempts());
    }
}
