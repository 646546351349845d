package dev.recruitdesk.ui.results;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.common.TimeFormat;
import dev.recruitdesk.ui.fake.FakeBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionViewModelTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final FakeBackend backend = new FakeBackend(5);
    /** The fake's queries, counting how often every open order is read. */
    private final CandidateQueries queries = new CandidateQueries() {
        @Override
        public int count(CandidateFilter filter) {
            return backend.count(filter);
        }

        @Override
        public List<CandidateRow> page(CandidateFilter filter, int offset, int limit) {
            return backend.page(filter, offset, limit);
        }

        @Override
        public Optional<Candidate> candidate(String candidateId) {
            return backend.candidate(candidateId);
        }

        @Override
        public List<AssessmentOrder> orders(String candidateId) {
            return backend.orders(candidateId);
        }

        @Override
        public List<Job> jobs() {
            return backend.jobs();
        }

        @Override
        public List<AssessmentOrder> openOrders() {
            reads.incrementAndGet();
            return backend.openOrders();
        }

        @Override
        public PackageTimes packageTimes() {
            return backend.packageTimes();
        }
    };
    private MovingClock clock;

    @BeforeEach
    void pin() {
        clock = new MovingClock();
        TimeFormat.useClock(clock);
    }

    @AfterEach
    void unpin() {
        TimeFormat.useClock(Clock.systemDefaultZone());
    }

    @Test
    void countsEveryLateOrderAndNamesTheMostRecentlyLateFirst() {
        AttentionViewModel vm = new AttentionViewModel(queries, new SyncTaskRunner());
        vm.refresh();

        long expected = backend.openOrders().stream().filter(o -> !OrderStateText
                .stuckText(o, backend.packageTimes(), FakeBackend.NOW).isEmpty()).count();
        assertThat(expected).isPositive();
        assertThat(vm.countProperty().get()).isEqualTo((int) expected);
        assertThat(vm.countTextProperty().get()).isEqualTo(expected == 1 ? "1 order waiting longer than usual"
                : expected + " orders waiting longer than usual");
        assertThat(vm.items()).hasSizeLessThanOrEqualTo(AttentionViewModel.LISTED);
        assertThat(vm.items()).isSortedAccordingTo((a, b) -> b.lateSince().compareTo(a.lateSince()));
        assertThat(vm.items()).anySatisfy(i -> {
            assertThat(i.candidateId()).isEqualTo(FakeBackend.SHOWCASE_ID);
            assertThat(i.candidateName()).isEqualTo("Aïsha Okonkwo-Łukasiewicz");
            assertThat(i.packageName()).isEqualTo("Personality Questionnaire (OPQ32)");
            assertThat(i.text()).isEqualTo("Waiting longer than usual: sent 3 h ago, this package usually takes 25 min");
        });
    }

    @Test
    void nothingLateShowsNothing() {
        clock.now = FakeBackend.NOW.minus(Duration.ofDays(60)); // before any order was sent
        AttentionViewModel vm = new AttentionViewModel(queries, new SyncTaskRunner());
        vm.refresh();
        assertThat(vm.countProperty().get()).isZero();
        assertThat(vm.countTextProperty().get()).isEmpty();
        assertThat(vm.items()).isEmpty();
    }

    @Test
    void changesAreReadOnTheNextTickAndTimeAloneOnceAMinute() {
        AttentionViewModel vm = new AttentionViewModel(queries, new SyncTaskRunner());
        vm.tick();
        assertThat(reads.get()).as("the first tick reads").isEqualTo(1);
        vm.tick();
        assertThat(reads.get()).as("nothing changed, under a minute").isEqualTo(1);

        vm.onChange(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of("c1")));
        vm.onChange(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of("c2")));
        assertThat(reads.get()).as("a change only marks").isEqualTo(1);
        vm.tick();
        assertThat(reads.get()).as("two changes, one read").isEqualTo(2);

        clock.now = clock.now.plusSeconds(61);
        vm.tick();
        assertThat(reads.get()).as("a minute later time alone may have made an order late").isEqualTo(3);
    }

    private static final class MovingClock extends Clock {
        java.time.Instant now = FakeBackend.NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
