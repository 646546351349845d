package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.StatusChange;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-order poll: ordinary open orders every round, unknown statuses and stuck orders backing off. */
class OrderPollingTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;
    FakeSrApi fake = new FakeSrApi();
    MovableClock clock = new MovableClock(START);
    CacheStore cache;
    OutboxStore outbox;
    BackgroundSync sync;

    @BeforeEach
    void open() {
        cache = CacheStore.open(dir);
        outbox = OutboxStore.open(dir);
        ApiProvider apis = new ApiProvider(a -> fake, new SettingsFile(dir), new MemorySecretStore());
        sync = new BackgroundSync(cache, outbox, apis, new SimpleChangeFeed(), Duration.ofHours(1), INTERVAL, clock);
    }

    @AfterEach
    void close() {
        sync.close();
        outbox.close();
        cache.close();
    }

    /** An order of FakeSrApi's 30-minute package, known to both the server and the cache. */
    private AssessmentOrder seed(String id, String status, Duration sentAgo) {
        Instant sent = START.minus(sentAgo);
        AssessmentOrder o = new AssessmentOrder(id, null, "app-c1-j1", "c1", "j1", "p1", "Skillcheck", "k1",
                "Java test", OrderStatus.of(status), sent, sent, List.of(new StatusChange(OrderStatus.of(status), sent)),
                null, null, null, List.of(), null);
        fake.orders.put(id, o);
        cache.upsertOrders(List.of(o)).join();
        return o;
    }

    private int calls(String id) {
        AtomicInteger n = fake.orderCalls.get(id);
        return n == null ? 0 : n.get();
    }

    /** Runs the poll every interval for {@code span}, as the scheduler would. */
    private void pollFor(Duration span) {
        pollFor(span, INTERVAL);
    }

    private void pollFor(Duration span, Duration step) {
        for (long t = 0; t < span.toSeconds(); t += step.toSeconds()) {
            sync.pollOpenOrders();
            clock.advance(step);
        }
    }

    @Test
    void ordinaryOpenOrdersArePolledEveryRoundUnknownAndStuckOnesBackOffToHourly() {
        seed("normal", "SENT", Duration.ofMinutes(10));
        seed("unknown", "ON_HOLD", Duration.ofMinutes(10));
        seed("stuck", "IN_PROGRESS", Duration.ofDays(3));

        pollFor(Duration.ofHours(1));

        int rounds = (int) (Duration.ofHours(1).toSeconds() / INTERVAL.toSeconds());
        assertThat(calls("normal")).as("an ordinary open order keeps the normal interval").isEqualTo(rounds);
        // 10 s, 20 s, 40 s ... after each unchanged answer: asked at 0, 10, 30, 70, 150, 310, 630, 1270, 2550 s
        assertThat(calls("unknown")).as("unknown status backs off exponentially").isEqualTo(9);
        assertThat(calls("stuck")).as("stuck order backs off exponentially").isEqualTo(9);
        System.out.printf("one hour of polling every %s s: ordinary %d asks, unknown status %d, stuck %d%n",
                INTERVAL.toSeconds(), calls("normal"), calls("unknown"), calls("stuck"));

        // from then on, at most once an hour
        int before = calls("unknown");
        pollFor(Duration.ofHours(3), Duration.ofMinutes(1));
        assertThat(calls("unknown") - before).isBetween(2, 3);
        assertThat(calls("stuck") - calls("unknown")).isZero();
    }

    @Test
    void theWaitDoublesFromTwiceTheIntervalAndStopsAtAnHour() {
        OrderPollBackoff backoff = new OrderPollBackoff(INTERVAL);
        assertThat(backoff.waitAfter(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.waitAfter(1)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.waitAfter(5)).isEqualTo(Duration.ofSeconds(320));
        assertThat(backoff.waitAfter(9)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.waitAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aChangeBringsAnUnknownStatusOrderBackToTheNormalInterval() {
        seed("unknown", "SIM_FUTURE_STATUS", Duration.ofMinutes(10));
        pollFor(Duration.ofMinutes(30));
        int slow = calls("unknown");
        assertThat(slow).isLessThan(10);

        // the partner moves it on to a status we know
        AssessmentOrder o = fake.orders.get("unknown");
        Instant t = clock.instant();
        fake.orders.put("unknown", new AssessmentOrder(o.id(), null, o.applicationId(), o.candidateId(), o.jobId(),
                o.partnerId(), o.partnerName(), o.packageId(), o.packageName(), OrderStatus.IN_PROGRESS,
                o.createdOn(), t, List.of(new StatusChange(OrderStatus.IN_PROGRESS, t)), null, null, null, List.of(),
                null));
        pollFor(Duration.ofMinutes(15)); // the next due ask sees the change (the last wait was under 11 min)
        assertThat(cache.ordersOfCandidate("c1")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(OrderStatus.IN_PROGRESS));
        int seen = calls("unknown");
        pollFor(Duration.ofMinutes(5));
        assertThat(calls("unknown") - seen).as("polled every round once it is an ordinary open order").isEqualTo(60);
    }

    @Test
    void anOrderTheServerNoLongerShowsDoesNotStopTheOthersAndIsAskedLessOften() {
        seed("gone", "SENT", Duration.ofMinutes(10));
        seed("normal", "SENT", Duration.ofMinutes(10));
        fake.orders.remove("gone"); // 404 from now on

        pollFor(Duration.ofMinutes(10));

        int rounds = (int) (Duration.ofMinutes(10).toSeconds() / INTERVAL.toSeconds());
        assertThat(calls("normal")).isEqualTo(rounds);
        assertThat(calls("gone")).isBetween(1, 7);
    }

    @Test
    void thePackageCatalogueIsLearntOnceSoTheLimitUsesThePackagesUsualTime() {
        seed("a", "SENT", Duration.ofMinutes(100)); // 30-minute package: the limit is 90 min, so it is stuck
        assertThat(cache.packageTimes().minutes("k1")).isZero();

        sync.pollOpenOrders();

        assertThat(cache.packageTimes().minutes("k1")).isEqualTo(FakeSrApi.PACKAGE.expectedMinutes());
        clock.advance(INTERVAL);
        sync.pollOpenOrders();
        assertThat(calls("a")).as("stuck by the package's own time, so the next round skips it").isEqualTo(1);
    }

    @Test
    void offlineTheRoundStopsAndNothingIsMarkedSlow() {
        seed("normal", "SENT", Duration.ofMinutes(10));
        fake.offline = true;
        assertThat(sync.pollOpenOrders()).isZero();
        assertThat(sync.status().online()).isFalse();
        fake.offline = false;
        clock.advance(INTERVAL);
        assertThat(sync.pollOpenOrders()).isEqualTo(1);
        assertThat(sync.status().online()).isTrue();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
