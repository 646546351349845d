package dev.recruitdesk.service;

import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxEntry.MovePayload;
import dev.recruitdesk.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@link MoveService}: every move is an outbox row (MOVE_APPLICATION) written before the request goes out. While
 * SmartRecruiters answers, each row is sent at once on the caller's thread, so the recruiter sees the result in the
 * dialog ({@link MoveDelivery}: read the application, move unless already there, name the orders the step caused).
 * When it cannot be reached the row stays queued (held: sent after the recruiter confirms, see {@link OutboxSender})
 * and the rest of the batch is queued without trying; a 5xx/429 leaves the row for the sender to retry by itself.
 */
public final class RemoteMoveService implements MoveService {

    private static final Logger log = LoggerFactory.getLogger(RemoteMoveService.class);
    static final String QUEUED_OFFLINE = "Queued: will be sent when you are back online";

    private final MoveDelivery.Factory deliveries;
    private final OutboxStore outbox;
    private final ApiProvider apis;
    private final ChangeFeed feed;
    private final OutboxSender sender;
    private final Clock clock;
    private final Runnable wakeSender;

    RemoteMoveService(MoveDelivery.Factory deliveries, OutboxStore outbox, ApiProvider apis, ChangeFeed feed,
                      OutboxSender sender, Clock clock, Runnable wakeSender) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.apis = apis;
        this.feed = feed;
        this.sender = sender;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    @Override
    public MoveSummary move(List<MoveRequest> rows, String status, String step, MoveProgress progress) {
        List<MoveResult> results = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        try {
            apis.api();
        } catch (ServiceException e) {
            for (MoveRequest r : rows) {
                MoveResult failed = new MoveResult(r, Outcome.FAILED, List.of(), e.getMessage());
                results.add(failed);
                progress.rowDone(failed, results.size(), rows.size());
            }
            return new MoveSummary(results);
        }
        MoveDelivery delivery = deliveries.forBatch();
        boolean offline = !sender.events().online();
        boolean queuedAny = false;
        for (MoveRequest row : rows) {
            MoveResult result = moveOne(delivery, row, status, step, offline);
            if (result.outcome() == Outcome.QUEUED) {
                queuedAny = true;
                offline |= QUEUED_OFFLINE.equals(result.message());
                touched.add(row.candidateId()); // an open profile shows the queued move
            } else if (result.outcome() != Outcome.FAILED) {
                touched.add(row.candidateId());
            }
            results.add(result);
            progress.rowDone(result, results.size(), rows.size());
        }
        MoveSummary summary = new MoveSummary(results);
        log.info("Moved {} of {} applications into {}/{} ({} already there, {} queued, {} failed, {} orders caused)",
                summary.count(Outcome.MOVED), rows.size(), status, step, summary.count(Outcome.ALREADY_THERE),
                summary.count(Outcome.QUEUED), summary.count(Outcome.FAILED), summary.ordersCaused());
        if (!touched.isEmpty()) {
            feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, touched));
            feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, touched));
        }
        if (queuedAny) {
            wakeSender.run();
        }
        return summary;
    }

    private MoveResult moveOne(MoveDelivery delivery, MoveRequest row, String status, String step, boolean offline) {
        String key = UUID.randomUUID().toString();
        MovePayload payload = new MovePayload(row.candidateId(), row.jobId(), row.name(), status,
                step == null || step.isBlank() ? null : step);
        // Known to be offline: queue it held without trying. Else the row is SENDING before the request goes out.
        outbox.insert(key, OutboxEntry.Kind.MOVE_APPLICATION, payload, null, offline, !offline, clock.instant());
        sender.events().outboxChanged();
        if (offline) {
            return new MoveResult(row, Outcome.QUEUED, List.of(), QUEUED_OFFLINE);
        }
        OutboxEntry entry = outbox.find(key).orElseThrow();
        OutboxSender.Attempt<MoveResult> a = sender.sendClaimed(entry, delivery, true);
        return switch (a.outcome()) {
            case SENT -> a.result();
            case REFUSED -> new MoveResult(row, Outcome.FAILED, List.of(), a.error());
            case OFFLINE -> new MoveResult(row, Outcome.QUEUED, List.of(), QUEUED_OFFLINE);
            case WAIT, SKIP -> new MoveResult(row, Outcome.QUEUED, List.of(),
                    "Queued: " + a.error() + "; it will be sent again by itself");
        };
    }
}
