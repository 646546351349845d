package dev.recruitdesk.ui.results;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.StatusChange;
import dev.recruitdesk.domain.StuckRule;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.StatusText;
import dev.recruitdesk.ui.common.TimeFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * What an order's state says in words, shared by the profile's assessment rows and the results panel: the status,
 * when it last changed, why a send failed or waits, and whether it has waited longer than its package usually takes.
 */
public final class OrderStateText {

    private OrderStateText() {
    }

    /** The status in words; an unknown status exactly as the server sent it. */
    public static String state(AssessmentOrder o) {
        return StatusText.of(o.status());
    }

    /** When the state last changed: the newest history entry, else the order's last update, else its creation. */
    public static Instant lastChanged(AssessmentOrder o) {
        Instant newest = null;
        for (StatusChange c : o.history()) {
            if (c.changedOn() != null && (newest == null || c.changedOn().isAfter(newest))) {
                newest = c.changedOn();
            }
        }
        // a queued order's row is updated on every send attempt: that is its last change
        if (o.isQueued() && o.updatedOn() != null && (newest == null || o.updatedOn().isAfter(newest))) {
            return o.updatedOn();
        }
        return newest != null ? newest : o.updatedOn() != null ? o.updatedOn() : o.createdOn();
    }

    /** "Changed 3 h ago" (exact time: {@link #lastChangedExact}). Empty when no time is known. */
    public static String lastChangedText(AssessmentOrder o) {
        Instant t = lastChanged(o);
        return t == null ? "" : Messages.format("orderState.changed", TimeFormat.relative(t));
    }

    public static String lastChangedExact(AssessmentOrder o) {
        return TimeFormat.exact(lastChanged(o));
    }

    /**
     * Why a send failed or waits, with how often it was tried and when last, e.g. "Waiting to send: SmartRecruiters
     * is unreachable (tried 3 times, last at 14:02)". Other orders: the last error the server gave, if any; else "".
     */
    public static String problem(AssessmentOrder o) {
        String error = o.lastError() == null || o.lastError().isBlank() ? null : clean(o.lastError());
        if (o.isQueued()) {
            boolean failed = o.status().kind() == OrderStatus.Kind.FAILED;
            if (error == null && !failed) {
                return "";
            }
            String head = failed
                    ? error == null ? Messages.get("orderState.sendFailedNoReason") : Messages.format("orderState.sendFailed", error)
                    : Messages.format("orderState.waitingToSend", error);
            return o.sendAttempts() > 0 && o.updatedOn() != null
                    ? Messages.format("orderState.tried", head, o.sendAttempts(), clockTime(o.updatedOn()))
                    : head;
        }
        return error == null ? "" : Messages.format("orderState.lastError", error);
    }

    /** Set when the order waits longer than its package usually takes; see {@link StuckRule}. */
    public static Optional<StuckRule.Stuck> stuck(AssessmentOrder o, PackageTimes times, Instant now) {
        return StuckRule.check(o, times.minutes(o.packageId()), now);
    }

    /**
     * "Waiting longer than usual: sent 3 h ago, this package usually takes 45 min", or, when the package's usual time
     * is unknown, that it is flagged after the default limit. Empty when the order is not stuck.
     */
    public static String stuckText(AssessmentOrder o, PackageTimes times, Instant now) {
        return stuck(o, times, now).map(s -> s.expectedKnown()
                ? Messages.format("orderState.stuck", TimeFormat.relative(s.since()), duration(s.expectedMinutes()))
                : Messages.format("orderState.stuckUnknown", TimeFormat.relative(s.since()),
                        duration((int) s.limit().toMinutes()))).orElse("");
    }

    /** 45 min, 1 h 30 min, 2 days: how long a package usually takes, in the units a recruiter would say. */
    static String duration(int minutes) {
        if (minutes < 60) {
            return Messages.format("orderState.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            int h = minutes / 60, m = minutes % 60;
            return m == 0 ? Messages.format("orderState.hours", h) : Messages.format("orderState.hoursMinutes", h, m);
        }
        return Messages.format("orderState.days", Math.round(minutes / 1440.0));
    }

    /** 14:02 today; a date and time on another day. */
    static String clockTime(Instant t) {
        ZoneId zone = ZoneId.systemDefault();
        boolean today = LocalDate.ofInstant(t, zone).equals(LocalDate.ofInstant(TimeFormat.now(), zone));
        DateTimeFormatter f = today ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
        return f.withLocale(Locale.getDefault()).withZone(zone).format(t);
    }

    /** One line, without the full stop the parenthesis would follow. */
    private static String clean(String error) {
        String s = error.strip().replaceAll("\\s+", " ");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
