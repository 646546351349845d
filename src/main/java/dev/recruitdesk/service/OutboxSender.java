package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
import dev.recruitdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Sends outbox rows, one at a time, whatever their kind. The rules (also in the README):
 * <ul>
 *   <li>The row is marked SENDING (attempts + 1) and that is on disk before the request goes out.</li>
 *   <li>A row with attempts before this one may already be on the server (lost answer, crash): its
 *       {@link Delivery#alreadyDone} check runs first and adopts what the server has.</li>
 *   <li>No answer at all (offline, timeout, connection lost): the row waits and is <b>held</b>, and the status bar
 *       goes offline. A held row is sent only after the recruiter confirms it (the review dialog), because the
 *       recruiter may no longer want what they asked for while offline.</li>
 *   <li>429 / 5xx (after the client's own retries), a refused API key: the row waits, not held; the sender tries
 *       again by itself. The recruiter's click while online was the consent; retrying a server hiccup needs none.</li>
 *   <li>409 INTEGRATION_NOT_CONNECTED: the order waits, with that reason, until the integration is connected.</li>
 *   <li>Any other refusal (4xx): FAILED with SmartRecruiters' words, until the recruiter retries or discards it.</li>
 * </ul>
 */
final class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** What one attempt came to. WAIT stops the round (the next rows would fail alike); SKIP does not. */
    enum Outcome { SENT, REFUSED, WAIT, OFFLINE, SKIP }

    record Attempt<T>(Outcome outcome, T result, String error, Exception cause) {
    }

    private final OutboxStore outbox;
    private final ApiProvider apis;
    private final Clock clock;
    private final OutboxEvents events;
    private final Map<OutboxEntry.Kind, Delivery<?>> deliveries = new EnumMap<>(OutboxEntry.Kind.class);

    OutboxSender(OutboxStore outbox, ApiProvider apis, Clock clock, OutboxEvents events) {
        this.outbox = outbox;
        this.apis = apis;
        this.clock = clock;
        this.events = events;
    }

    void register(OutboxEntry.Kind kind, Delivery<?> delivery) {
        deliveries.put(kind, delivery);
    }

    OutboxEvents events() {
        return events;
    }

    /** One round over the rows the sender may send by itself. Returns how many the server accepted. */
    int sendRound(java.util.function.BooleanSupplier stop) {
        int sent = 0;
        for (OutboxEntry row : outbox.sendable()) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (!outbox.claim(row.idempotencyKey(), clock.instant())) {
                continue; // taken by a dialog sending it directly, discarded or held meanwhile
            }
            // as claimed: its attempts now count this one
            OutboxEntry claimed = outbox.find(row.idempotencyKey()).orElse(row);
            Delivery<?> d = deliveries.get(row.kind());
            if (d == null) {
                outbox.recordTransientError(row.idempotencyKey(), "This kind of write cannot be sent here", clock.instant());
                continue;
            }
            Outcome o = sendClaimed(claimed, d, false).outcome();
            if (o == Outcome.SENT) {
                sent++;
            } else if (o == Outcome.WAIT || o == Outcome.OFFLINE) {
                break;
            }
        }
        return sent;
    }

    /**
     * Sends a row this caller has claimed (or inserted as SENDING). {@code row.attempts()} counts this attempt, so
     * more than one means an earlier one may have reached the server. {@code direct}: a dialog sent it and shows
     * a refusal at once, so a refused row is closed instead of kept FAILED for later.
     */
    <T> Attempt<T> sendClaimed(OutboxEntry row, Delivery<T> delivery, boolean direct) {
        Attempt<T> a = attempt(row, delivery, direct);
        try {
            delivery.settled(row, a.outcome());
        } catch (RuntimeException e) {
            log.warn("Outbox {}: updating the screens after the attempt failed", row.idempotencyKey(), e);
        }
        return a;
    }

    private <T> Attempt<T> attempt(OutboxEntry row, Delivery<T> delivery, boolean direct) {
        String key = row.idempotencyKey();
        try {
            SmartRecruitersApi api = apis.api();
            T result = null;
            if (row.attempts() > 1) {
                result = delivery.alreadyDone(api, row);
                if (result != null) {
                    log.info("Outbox {} {} was already on the server: adopted, not sent again", row.kind(), key);
                }
            }
            if (result == null) {
                result = delivery.send(api, row);
            }
            outbox.markSent(key, delivery.serverId(result),
                    row.kind() == OutboxEntry.Kind.CREATE_CANDIDATE ? delivery.candidateId(result) : null,
                    clock.instant());
            log.info("Outbox {} {} sent", row.kind(), key);
            events.connectionBack();
            events.outboxChanged();
            return new Attempt<>(Outcome.SENT, result, null, null);
        } catch (ApiException e) {
            return failed(row, e, direct);
        } catch (FieldProblem e) {
            close(row, e.getMessage(), direct);
            return new Attempt<>(Outcome.REFUSED, null, e.getMessage(), e);
        } catch (ServiceException e) {
            // not set up (no account, no key): wait for Settings, which nudges the sender when saved
            outbox.recordTransientError(key, e.getMessage(), clock.instant());
            events.outboxChanged();
            return new Attempt<>(Outcome.WAIT, null, e.getMessage(), null);
        } catch (StoreException | CompletionException e) {
            return localFailure(key, e);
        } catch (RuntimeException e) {
            // a bug or an answer we cannot use: shown on the row, for the recruiter to retry or discard
            log.error("Outbox {} {} could not be sent", row.kind(), key, e);
            close(row, "Could not send: " + e.getClass().getSimpleName(), direct);
            return new Attempt<>(Outcome.REFUSED, null, "Could not send: " + e.getClass().getSimpleName(), null);
        }
    }

    private <T> Attempt<T> localFailure(String key, RuntimeException e) {
        log.error("Outbox {} could not be recorded locally", key, e);
        try {
            outbox.recordTransientError(key, "The answer could not be stored locally; it is checked before a resend",
                    clock.instant());
        } catch (RuntimeException again) {
            log.warn("Outbox {}: the row stays SENDING and is checked at the next start", key);
        }
        return new Attempt<>(Outcome.WAIT, null, "The local database could not be written", null);
    }

    private <T> Attempt<T> failed(OutboxEntry row, ApiException e, boolean direct) {
        String key = row.idempotencyKey();
        String words = ApiErrors.words(e);
        if (e.isNetwork()) {
            events.connectionLost(words); // first, so whoever sees the held row sees the status offline too
            outbox.recordTransientError(key, words, true, clock.instant());
            log.info("Outbox {} {} held: no connection ({})", row.kind(), key, e.code());
            events.outboxChanged();
            return new Attempt<>(Outcome.OFFLINE, null, words, e);
        }
        if (ApiErrors.reason(e) == ServiceException.Reason.INTEGRATION_NOT_CONNECTED) {
            String why = "Waiting for the assessment integration to be connected (Settings)";
            outbox.recordTransientError(key, why, clock.instant());
            events.outboxChanged();
            return new Attempt<>(Outcome.SKIP, null, why, e);
        }
        if (ApiErrors.isTransient(e) || e.httpStatus() == 401 || e.httpStatus() == 403) {
            outbox.recordTransientError(key, words, clock.instant());
            log.info("Outbox {} {} waits: {}", row.kind(), key, words);
            events.outboxChanged();
            return new Attempt<>(Outcome.WAIT, null, words, e);
        }
        close(row, words, direct);
        return new Attempt<>(Outcome.REFUSED, null, words, e);
    }

    private void close(OutboxEntry row, String why, boolean direct) {
        outbox.markFailed(row.idempotencyKey(), why, clock.instant());
        if (direct) {
            // the dialog shows the refusal now and offers its own retry: nothing is left to send from here
            outbox.discard(java.util.List.of(row.idempotencyKey()), clock.instant());
        }
        log.info("Outbox {} {} refused: {}", row.kind(), row.idempotencyKey(), why);
        events.outboxChanged();
    }

    /**
     * While offline with writes held, asks SmartRecruiters something cheap now and then: when it answers, the
     * status goes online and the banner offers the held writes for review.
     */
    void probeIfOfflineWithHeldWrites() {
        if (events.online() || outbox.heldCount() == 0) {
            return;
        }
        try {
            apis.api().whoAmI();
            events.connectionBack();
            events.outboxChanged();
        } catch (ApiException e) {
            if (!e.isNetwork()) {
                events.connectionBack(); // an answer, even a refusal, means the server is reachable
                events.outboxChanged();
            }
        } catch (ServiceException e) {
            // no account: nothing to probe
        }
    }
}
