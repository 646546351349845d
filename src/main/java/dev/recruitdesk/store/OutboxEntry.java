package dev.recruitdesk.store;

import java.time.Instant;
import java.util.Locale;

/**
 * One queued write in the outbox. {@code serverId} is what SmartRecruiters gave once it was SENT (the order id, the
 * new candidate's id). {@code attempts} counts the times the row was marked SENDING: above zero, the server may
 * already have the write, so the next send checks first. {@code held}: waiting for the recruiter to confirm.
 */
public record OutboxEntry(String idempotencyKey, Kind kind, State state, Payload payload, Instant createdOn,
                          Instant updatedOn, int attempts, String lastError, String serverId, boolean held) {

    /** A V1-shaped order row (what the outbox held before it carried moves and new candidates). */
    public OutboxEntry(String idempotencyKey, State state, OrderPayload payload, Instant createdOn, Instant updatedOn,
                       int attempts, String lastError, String serverId) {
        this(idempotencyKey, Kind.PLACE_ORDER, state, payload, createdOn, updatedOn, attempts, lastError, serverId,
                false);
    }

    public enum Kind { PLACE_ORDER, MOVE_APPLICATION, CREATE_CANDIDATE }

    /**
     * PENDING waits to be sent; SENDING is written before the request goes out (found at start = a crash mid-send);
     * SENT and DISCARDED are done; FAILED was refused and waits for the recruiter.
     */
    public enum State {
        PENDING, SENDING, SENT, FAILED, DISCARDED;

        /** A state this version does not know (written by a newer one) is kept out of the sender's way as FAILED. */
        static State parse(String raw) {
            try {
                return valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return FAILED;
            }
        }
    }

    /** The order's payload; only for {@link Kind#PLACE_ORDER} rows. */
    public OrderPayload order() {
        return (OrderPayload) payload;
    }

    /** What a row carries, by kind. {@code candidateId} is null for a candidate not yet created. */
    public sealed interface Payload permits OrderPayload, MovePayload, CandidatePayload {
        String candidateId();

        String jobId();
    }

    /** What the order needs to be sent and to be shown while it waits. */
    public record OrderPayload(String applicationId, String candidateId, String jobId, String jobTitle,
                               String partnerId, String partnerName, String packageId, String packageName,
                               String requesterEmail) implements Payload {

        public OrderPayload withApplicationId(String id) {
            return new OrderPayload(id, candidateId, jobId, jobTitle, partnerId, partnerName, packageId, packageName,
                    requesterEmail);
        }
    }

    /** A move of one application into a status (and step, or null). {@code candidateName} is for the lists only. */
    public record MovePayload(String candidateId, String jobId, String candidateName, String status, String step)
            implements Payload {
    }

    /**
     * A new candidate on a job: from the form (names and email), or from a résumé ({@code resumeFileName}; its bytes
     * are in the row's file column, and the names and email are what SmartRecruiters reads from it).
     */
    public record CandidatePayload(String jobId, String jobTitle, String firstName, String lastName, String email,
                                   String phone, String resumeFileName) implements Payload {

        @Override
        public String candidateId() {
            return null;
        }

        public boolean fromResume() {
            return resumeFileName != null;
        }
    }
}
