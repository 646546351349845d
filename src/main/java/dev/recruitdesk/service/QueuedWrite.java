package dev.recruitdesk.service;

import java.time.Instant;

/**
 * A write in the outbox as the review dialog lists it. {@code candidate}: the name (or, for a new candidate, the
 * name typed or the résumé's file name); {@code target}: the job, and the step or package. {@code queuedAt}: when the
 * recruiter asked for it.
 */
public record QueuedWrite(String key, Kind kind, String candidate, String target, Instant queuedAt, State state,
                          String lastError, int attempts) {

    public enum Kind { ORDER, MOVE, NEW_CANDIDATE }

    /** HELD waits for the recruiter's confirmation; WAITING will be sent by itself. */
    public enum State { HELD, WAITING, SENDING, SENT, FAILED, DISCARDED }

    public boolean held() {
        return state == State.HELD;
    }
}
