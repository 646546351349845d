package dev.recruitdesk.service;

import java.util.Collection;
import java.util.List;

/**
 * The outbox as the recruiter reviews it. Writes queued while offline, or that met a connection failure, are held:
 * they are sent only once the recruiter confirms ({@link #send}), or dropped ({@link #discard}). Call off the FX
 * thread.
 */
public interface WriteQueue {

    /** Every write not yet accepted by SmartRecruiters, oldest first. */
    List<QueuedWrite> unsent();

    /** These writes as they are now, sent and discarded ones too (keys no longer known are left out). */
    List<QueuedWrite> writes(Collection<String> keys);

    /** Held writes: what the "N writes queued while offline" banner counts. */
    int heldCount();

    /** The recruiter confirmed: these held (or failed) writes are sent now. */
    void send(Collection<String> keys);

    /** The recruiter dropped these: they are never sent. Returns how many were discarded. */
    int discard(Collection<String> keys);

    /** {@code listener} runs (on any thread) whenever the queue changes; close the result to stop. */
    AutoCloseable subscribe(Runnable listener);
}
