package dev.recruitdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * An assessment order for one application. A locally queued order (not yet accepted by the server) has a null
 * {@code id}, status {@link OrderStatus#SENDING} and its idempotency key; {@code lastError} says why a send failed.
 */
public record AssessmentOrder(String id, String idempotencyKey, String applicationId, String candidateId, String jobId,
                              String partnerId, String partnerName, String packageId, String packageName,
                              OrderStatus status, Instant createdOn, Instant updatedOn,
                              List<StatusChange> history, Score score, String summary, String reportUrl,
                              List<Attachment> attachments, String lastError) {

    public AssessmentOrder {
        history = history == null ? List.of() : List.copyOf(history);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean isQueued() {
        return id == null;
    }
}
