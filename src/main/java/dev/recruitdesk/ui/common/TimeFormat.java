package dev.recruitdesk.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as the recruiter reads them: relative when recent ("3 min ago"), exact in the user's locale and zone. */
public final class TimeFormat {

    private static volatile Clock clock = Clock.systemDefaultZone();

    private TimeFormat() {
    }

    /** Tests pin the clock so relative texts are stable. */
    public static void useClock(Clock c) {
        clock = c;
    }

    public static Instant now() {
        return clock.instant();
    }

    public static String exact(Instant t) {
        if (t == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault()).format(t);
    }

    public static String relative(Instant t) {
        if (t == null) {
            return Messages.get("time.never");
        }
        Duration d = Duration.between(t, clock.instant());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long s = d.getSeconds();
        if (s < 45) {
            return Messages.get("time.justNow");
        }
        if (s < 3600) {
            return Messages.format("time.minutesAgo", Math.max(1, Math.round(s / 60.0)));
        }
        if (s < 86_400) {
            return Messages.format("time.hoursAgo", s / 3600);
        }
        if (s < 7 * 86_400) {
            return Messages.format("time.daysAgo", s / 86_400);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.getDefault())
                .withZone(ZoneId.systemDefault()).format(t);
    }
}
