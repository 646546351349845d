package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.store.OutboxEntry;

import java.time.Duration;

/**
 * How one kind of outbox row reaches SmartRecruiters. {@link #alreadyDone} is asked before every send that may
 * repeat an earlier one (the row was SENDING before: a lost answer or a crash), because we cannot rely on the server
 * honouring our idempotency key: it looks the write up on the server and adopts it instead of sending it twice.
 */
interface Delivery<T> {

    /**
     * How far before the row was queued a server-side record may be dated and still be ours: the server's clock
     * and ours differ a little, and a write made before we queued ours cannot be ours.
     */
    Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** The write as the server already has it, from an earlier attempt; null when it has not got it. */
    T alreadyDone(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException;

    /** Sends the write and records the answer in the cache. */
    T send(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException;

    /** The server's id for the result (order id, candidate id), or null (a move has none). */
    String serverId(T result);

    /** The candidate the result is about (for a new candidate: the id it was given). */
    String candidateId(T result);

    /** Told after every attempt, whatever came of it (e.g. to refresh what the screens show for the row). */
    default void settled(OutboxEntry row, OutboxSender.Outcome outcome) {
    }
}
