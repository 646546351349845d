package dev.recruitdesk.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which open orders a poll round asks about. An ordinary open order is asked every round. An order whose status we
 * do not know (it may never end by our reading), a stuck one, or one the server refuses to show waits longer after
 * each round that brought no change: twice the poll interval, then four times, doubling up to an hour. Any change
 * puts it back to the shortest wait. Kept in memory: after a restart every order is asked once more, which is cheap.
 */
final class OrderPollBackoff {

    static final Duration MAX_WAIT = Duration.ofHours(1);

    private final Duration interval;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private record Slot(Instant due, int quietRounds) {
    }

    OrderPollBackoff(Duration interval) {
        this.interval = interval.isZero() || interval.isNegative() ? Duration.ofSeconds(1) : interval;
    }

    boolean isDue(String orderId, Instant now) {
        Slot s = slots.get(orderId);
        return s == null || !now.isBefore(s.due());
    }

    /**
     * Records an answer. {@code slow}: the order (as now known) should be asked less often; {@code changed}: the
     * answer differs from what the cache held.
     */
    void asked(String orderId, boolean slow, boolean changed, Instant now) {
        if (!slow) {
            slots.remove(orderId);
            return;
        }
        Slot old = slots.get(orderId);
        int quiet = old == null || changed ? 0 : old.quietRounds() + 1;
        slots.put(orderId, new Slot(now.plus(waitAfter(quiet)), quiet));
    }

    /** The wait after {@code quietRounds} unchanged answers in a row (0: the first slow answer). */
    Duration waitAfter(int quietRounds) {
        Duration wait = interval.multipliedBy(2);
        for (int i = 0; i < quietRounds && wait.compareTo(MAX_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** Forgets orders that are no longer open, so the map never outgrows the open set. */
    void retainOnly(Set<String> openIds) {
        slots.keySet().retainAll(openIds);
    }

    /** When the order is asked next, or null when it is asked every round. */
    Instant dueAt(String orderId) {
        Slot s = slots.get(orderId);
        return s == null ? null : s.due();
    }
}
