package dev.recruitdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * An assessment order for one application. A locally queued order (not yet accepted by the server) has a null
 * {@code id}, status {@link OrderStatus#SENDING} and its idempotency key; {@code lastError} says why a send failed
 * or waits, and {@code sendAttempts} how often the app tried to send it (0 for orders that came from the server).
 */
public record AssessmentOrder(String id, String idempotencyKey, String applicationId, String candidateId, String jobId,
                              String partnerId, String partnerName, String packageId, String packageName,
                              OrderStatus status, Instant createdOn, Instant updatedOn,
                              List<StatusChange> history, Score score, String summary, String reportUrl,
                              List<Attachment> attachments, String lastError, int sendAttempts) {

    public AssessmentOrder {
        history = history == null ? List.of() : List.copyOf(history);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        sendAttempts = Math.max(0, sendAttempts);
    }

    /** An order as the server or the cache knows it: no local send attempts. */
    public AssessmentOrder(String id, String idempotencyKey, String applicationId, String candidateId, String jobId,
                           String partnerId, String partnerName, String packageId, String packageName,
                           OrderStatus status, Instant createdOn, Instant updatedOn,
                           List<StatusChange> history, Score score, String summary, String reportUrl,
                           List<Attachment> attachments, String lastError) {
        this(id, idempotencyKey, applicationId, candidateId, jobId, partnerId, partnerName, packageId, packageName,
                status, createdOn, updatedOn, history, score, summary, reportUrl, attachments, lastError, 0);
    }

    public boolean isQueued() {
        return id == null;
    }
}
