package dev.recruitdesk.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an order has waited longer than usual. Only Sent and In Progress orders can be stuck: a queued order shows
 * why it waits to be sent instead, an end state no longer waits, and an unknown status is the partner's word we
 * cannot judge (it is shown raw). The wait counts from when the order was sent, because a package's usual time is
 * the whole round trip (invite, candidate, result), not the time spent in one status.
 */
public final class StuckRule {

    /** The limit when the package's usual time is not known. */
    public static final Duration UNKNOWN_PACKAGE_LIMIT = Duration.ofDays(7);
    /** A short package still gets this much slack over its usual time: partners batch and candidates read mail late. */
    static final Duration MIN_SLACK = Duration.ofHours(1);

    private StuckRule() {
    }

    /** An order found waiting too long: for how long, against what the package usually takes (0 if unknown). */
    public record Stuck(Instant since, Duration waited, int expectedMinutes, Duration limit) {

        public boolean expectedKnown() {
            return expectedMinutes > 0;
        }
    }

    /** How long an order of a package usually taking {@code expectedMinutes} may wait: max(2x, +1 h), else 7 days. */
    public static Duration limit(int expectedMinutes) {
        if (expectedMinutes <= 0) {
            return UNKNOWN_PACKAGE_LIMIT;
        }
        Duration usual = Duration.ofMinutes(expectedMinutes);
        Duration twice = usual.multipliedBy(2);
        Duration slack = usual.plus(MIN_SLACK);
        return twice.compareTo(slack) >= 0 ? twice : slack;
    }

    /** The statuses that wait on the partner or the candidate. */
    public static boolean canBeStuck(OrderStatus status) {
        OrderStatus.Kind k = status == null ? OrderStatus.Kind.UNKNOWN : status.kind();
        return k == OrderStatus.Kind.SENT || k == OrderStatus.Kind.IN_PROGRESS;
    }

    /** When the order was sent: its creation time, else its first recorded change, else its last update. */
    public static Instant sentAt(AssessmentOrder o) {
        if (o.createdOn() != null) {
            return o.createdOn();
        }
        if (!o.history().isEmpty() && o.history().get(0).changedOn() != null) {
            return o.history().get(0).changedOn();
        }
        return o.updatedOn();
    }

    /** Empty unless the order is Sent or In Progress and has waited longer than {@link #limit(int)}. */
    public static Optional<Stuck> check(AssessmentOrder o, int expectedMinutes, Instant now) {
        if (o == null || o.isQueued() || !canBeStuck(o.status())) {
            return Optional.empty();
        }
        Instant since = sentAt(o);
        if (since == null || now == null) {
            return Optional.empty();
        }
        Duration waited = Duration.between(since, now);
        Duration limit = limit(expectedMinutes);
        return waited.compareTo(limit) > 0
                ? Optional.of(new Stuck(since, waited, Math.max(0, expectedMinutes), limit))
                : Optional.empty();
    }
}
