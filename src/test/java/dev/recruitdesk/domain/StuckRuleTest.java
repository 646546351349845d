package dev.recruitdesk.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StuckRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");

    private static AssessmentOrder order(String status, Instant created) {
        return new AssessmentOrder("o1", null, "a1", "c1", "j1", "p1", "Partner", "k1", "Package",
                OrderStatus.of(status), created, created, List.of(), null, null, null, List.of(), null);
    }

    @ParameterizedTest(name = "{0} min usual -> limit {1} min")
    @CsvSource({
            "45, 105",      // short package: +1 h beats 2x
            "60, 120",      // equal
            "90, 180",      // long package: 2x beats +1 h
            "1440, 2880",   // a day
            "0, 10080",     // unknown: 7 days
            "-5, 10080"})
    void limitIsTwiceTheUsualTimeOrAnHourMoreWhicheverIsLonger(int expectedMinutes, long limitMinutes) {
        assertThat(StuckRule.limit(expectedMinutes)).isEqualTo(Duration.ofMinutes(limitMinutes));
    }

    @ParameterizedTest(name = "{0}, sent {1} min ago, usual {2} min -> stuck {3}")
    @CsvSource({
            "SENT,         180,   45, true",
            "SENT,         105,   45, false",   // exactly at the limit is not yet late
            "SENT,         106,   45, true",
            "IN_PROGRESS,  181,   90, true",
            "IN_PROGRESS,  179,   90, false",
            "in progress,  500,   45, true",    // other spellings of the same kind
            "SENT,        9000,    0, false",   // unknown package: under 7 days
            "SENT,       10081,    0, true",
            "COMPLETED,  99999,   45, false",   // end states never wait
            "EXPIRED,    99999,   45, false",
            "FAILED,     99999,   45, false",
            "CANCELLED,  99999,   45, false",
            "ON_HOLD,    99999,   45, false",   // an unknown status is shown raw, not judged
            "SENT,          -5,   45, false"})  // a clock ahead of ours
    void sentAndInProgressOrdersPastTheirLimitAreStuck(String status, long minutesAgo, int expected, boolean stuck) {
        AssessmentOrder o = order(status, NOW.minus(Duration.ofMinutes(minutesAgo)));
        assertThat(StuckRule.check(o, expected, NOW).isPresent()).isEqualTo(stuck);
    }

    @Test
    void stuckSaysHowLongAndAgainstWhat() {
        AssessmentOrder o = order("SENT", NOW.minus(Duration.ofHours(3)));
        StuckRule.Stuck s = StuckRule.check(o, 45, NOW).orElseThrow();
        assertThat(s.waited()).isEqualTo(Duration.ofHours(3));
        assertThat(s.since()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(s.expectedMinutes()).isEqualTo(45);
        assertThat(s.expectedKnown()).isTrue();
        assertThat(s.limit()).isEqualTo(Duration.ofMinutes(105));
    }

    @Test
    void queuedOrdersAreNeverStuckTheyShowWhyTheyWait() {
        AssessmentOrder queued = new AssessmentOrder(null, "key", "a1", "c1", "j1", "p1", "Partner", "k1", "Package",
                OrderStatus.SENDING, NOW.minus(Duration.ofDays(30)), NOW, List.of(), null, null, null, List.of(),
                "Offline", 3);
        assertThat(StuckRule.check(queued, 45, NOW)).isEmpty();
        assertThat(queued.sendAttempts()).isEqualTo(3);
    }

    @Test
    void withoutACreationTimeTheFirstRecordedChangeCounts() {
        Instant sent = NOW.minus(Duration.ofHours(5));
        AssessmentOrder o = new AssessmentOrder("o1", null, "a1", "c1", "j1", "p1", "Partner", "k1", "Package",
                OrderStatus.IN_PROGRESS, null, NOW.minus(Duration.ofMinutes(1)),
                List.of(new StatusChange(OrderStatus.SENT, sent), new StatusChange(OrderStatus.IN_PROGRESS, NOW)),
                null, null, null, List.of(), null);
        assertThat(StuckRule.sentAt(o)).isEqualTo(sent);
        assertThat(StuckRule.check(o, 60, NOW)).isPresent();
        AssessmentOrder noTimes = order("SENT", null);
        assertThat(StuckRule.check(noTimes, 45, NOW)).isEmpty();
    }

    @Test
    void packageTimesAnswerZeroForWhatTheCatalogueDoesNotKnow() {
        PackageTimes times = new PackageTimes(Map.of("k1", 45));
        assertThat(times.minutes("k1")).isEqualTo(45);
        assertThat(times.minutes("other")).isZero();
        assertThat(times.minutes(null)).isZero();
        assertThat(PackageTimes.NONE.minutes("k1")).isZero();
    }
}
