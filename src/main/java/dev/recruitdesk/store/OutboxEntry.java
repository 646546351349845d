package dev.recruitdesk.store;

import java.time.Instant;

/** One queued write in the outbox. {@code serverId} is the order id SmartRecruiters gave once it was SENT. */
public record OutboxEntry(String idempotencyKey, State state, OrderPayload payload, Instant createdOn,
                          Instant updatedOn, int attempts, String lastError, String serverId) {

    public enum State { PENDING, SENT, FAILED }

    /** What the order needs to be sent and to be shown while it waits. */
    public record OrderPayload(String applicationId, String candidateId, String jobId, String jobTitle,
                               String partnerId, String partnerName, String packageId, String packageName,
                               String requesterEmail) {

        public OrderPayload withApplicationId(String id) {
            return new OrderPayload(id, candidateId, jobId, jobTitle, partnerId, partnerName, packageId, packageName,
                    requesterEmail);
        }
    }
}
