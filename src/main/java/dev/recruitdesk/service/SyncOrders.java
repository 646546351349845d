package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;

/** Fills in what an order from the server may leave out but the cache needs to file it under a candidate. */
final class SyncOrders {

    private SyncOrders() {
    }

    static AssessmentOrder owned(AssessmentOrder o, String candidateId, String jobId, String idempotencyKey) {
        if (o.candidateId() != null && o.jobId() != null && (idempotencyKey == null || o.idempotencyKey() != null)) {
            return o;
        }
        return new AssessmentOrder(o.id(), o.idempotencyKey() != null ? o.idempotencyKey() : idempotencyKey,
                o.applicationId(), o.candidateId() != null ? o.candidateId() : candidateId,
                o.jobId() != null ? o.jobId() : jobId, o.partnerId(), o.partnerName(), o.packageId(), o.packageName(),
                o.status(), o.createdOn(), o.updatedOn(), o.history(), o.score(), o.summary(), o.reportUrl(),
                o.attachments(), o.lastError());
    }
}
