package dev.recruitdesk.ui.results;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.StatusChange;
import dev.recruitdesk.ui.common.TimeFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** The words an order's state is shown in, on the profile's rows and in the results panel. */
class OrderStateTextTest {

    private static final Instant NOW = Instant.parse("2026-12-03T14:30:00Z");
    private static final PackageTimes TIMES = new PackageTimes(Map.of("k45", 45, "k0", 0));

    private Locale locale;
    private TimeZone zone;

    @BeforeEach
    void pin() {
        locale = Locale.getDefault();
        zone = TimeZone.getDefault();
        Locale.setDefault(Locale.UK);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        TimeFormat.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void unpin() {
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
        TimeFormat.useClock(Clock.systemDefaultZone());
    }

    private static AssessmentOrder server(String status, String packageId, Duration sentAgo, String lastError) {
        Instant sent = NOW.minus(sentAgo);
        return new AssessmentOrder("o1", "key", "a1", "c1", "j1", "p1", "Codility", packageId, "Java",
                OrderStatus.of(status), sent, sent, List.of(new StatusChange(OrderStatus.SENT, sent)), null, null, null,
                List.of(), lastError);
    }

    private static AssessmentOrder queued(OrderStatus status, String error, int attempts, Instant lastTry) {
        return new AssessmentOrder(null, "key", "a1", "c1", "j1", "p1", "Codility", "k45", "Java", status,
                NOW.minus(Duration.ofHours(2)), lastTry, List.of(), null, null, null, List.of(), error, attempts);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SENDING,Sending", "SENT,Sent", "IN_PROGRESS,In Progress", "in progress,In Progress",
            "COMPLETED,Completed", "EXPIRED,Expired", "CANCELLED,Cancelled", "FAILED,Failed",
            "SIM_FUTURE_STATUS,SIM_FUTURE_STATUS", "On hold (partner),On hold (partner)"})
    void everyStateInWordsAndAnUnknownOneAsSent(String raw, String words) {
        assertThat(OrderStateText.state(server(raw, "k45", Duration.ofMinutes(5), null))).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "waits, tried 3 times | SENDING | SmartRecruiters is unreachable. | 3 | 14:02 "
                    + "| Waiting to send: SmartRecruiters is unreachable (tried 3 times, last at 14:02)",
            "waits, tried once    | SENDING | SmartRecruiters had a problem (503) | 1 | 09:15 "
                    + "| Waiting to send: SmartRecruiters had a problem (503) (tried once, last at 09:15)",
            "refused              | FAILED  | SmartRecruiters refused: package retired | 2 | 14:29 "
                    + "| Could not be sent: SmartRecruiters refused: package retired (tried 2 times, last at 14:29)",
            "refused, no reason   | FAILED  |  | 1 | 14:29 | Could not be sent (tried once, last at 14:29)",
            "multi-line error     | SENDING | 'Timeout\n  after 30 s.' | 4 | 14:00 "
                    + "| Waiting to send: Timeout after 30 s (tried 4 times, last at 14:00)",
            "not tried yet        | SENDING |  | 0 | 14:29 | ''"})
    void aQueuedOrderSaysWhyItWaitsHowOftenItWasTriedAndWhenLast(String name, OrderStatus.Kind kind, String error,
                                                                 int attempts, String at, String expected) {
        Instant lastTry = Instant.parse("2026-12-03T" + at + ":00Z");
        OrderStatus status = kind == OrderStatus.Kind.FAILED ? OrderStatus.FAILED : OrderStatus.SENDING;
        assertThat(OrderStateText.problem(queued(status, error == null ? null : error.replace("\\n", "\n"),
                attempts, lastTry))).isEqualTo(expected);
    }

    @Test
    void aTryOnAnotherDaySaysTheDate() {
        AssessmentOrder o = queued(OrderStatus.SENDING, "Offline", 9, Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(OrderStateText.problem(o)).isEqualTo("Waiting to send: Offline (tried 9 times, last at 1 Dec 2026, 08:00)");
    }

    @Test
    void aServerOrderShowsTheLastErrorItCarries() {
        assertThat(OrderStateText.problem(server("FAILED", "k45", Duration.ofHours(1), "Candidate e-mail bounced")))
                .isEqualTo("Last error: Candidate e-mail bounced");
        assertThat(OrderStateText.problem(server("SENT", "k45", Duration.ofHours(1), null))).isEmpty();
    }

    @ParameterizedTest(name = "{0}, sent {1} min ago, package {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "SENT        | 180   | k45 | Waiting longer than usual: sent 3 h ago, this package usually takes 45 min",
            "IN_PROGRESS | 106   | k45 | Waiting longer than usual: sent 1 h ago, this package usually takes 45 min",
            "IN_PROGRESS | 100   | k45 | ''",
            "SENT        | 14400 | k0  | Waiting longer than usual: sent 23 Nov 2026; this package's usual time is not known, so it is flagged after 7 days",
            "SENT        | 14400 | new | Waiting longer than usual: sent 23 Nov 2026; this package's usual time is not known, so it is flagged after 7 days",
            "SENT        | 9000  | k0  | ''",
            "COMPLETED   | 14400 | k45 | ''",
            "ON_HOLD     | 14400 | k45 | ''"})
    void aStuckOrderSaysHowLongItWaitedAgainstWhatThePackageUsuallyTakes(String status, long minutesAgo,
                                                                         String packageId, String expected) {
        AssessmentOrder o = server(status, packageId, Duration.ofMinutes(minutesAgo), null);
        assertThat(OrderStateText.stuckText(o, TIMES, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} min -> {1}")
    @CsvSource({"25,25 min", "60,1 h", "90,1 h 30 min", "1440,24 h", "10080,7 days"})
    void usualTimesInTheUnitsARecruiterWouldSay(int minutes, String words) {
        assertThat(OrderStateText.duration(minutes)).isEqualTo(words);
    }

    @Test
    void lastChangeIsTheNewestHistoryEntryOrTheLastSendAttempt() {
        Instant sent = NOW.minus(Duration.ofHours(5)), started = NOW.minus(Duration.ofHours(2));
        AssessmentOrder o = new AssessmentOrder("o1", null, "a1", "c1", "j1", "p1", "P", "k45", "Java",
                OrderStatus.IN_PROGRESS, sent, NOW.minus(Duration.ofMinutes(1)),
                List.of(new StatusChange(OrderStatus.SENT, sent), new StatusChange(OrderStatus.IN_PROGRESS, started)),
                null, null, null, List.of(), null);
        assertThat(OrderStateText.lastChanged(o)).isEqualTo(started);
        assertThat(OrderStateText.lastChangedText(o)).isEqualTo("Changed 2 h ago");

        AssessmentOrder waiting = queued(OrderStatus.SENDING, "Offline", 2, NOW.minus(Duration.ofMinutes(3)));
        assertThat(OrderStateText.lastChangedText(waiting)).isEqualTo("Changed 3 min ago");
    }
}
