package dev.recruitdesk.ui.people;

import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.fake.FakeBackend;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleViewModelTest {

    private final FakeBackend backend = new FakeBackend();
    private final PeopleViewModel vm = new PeopleViewModel(backend, new SyncTaskRunner());

    @Test
    void countsEveryoneAtFirst() {
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.ROWS);
        assertThat(vm.countProperty().get()).isEqualTo(300);
        assertThat(vm.countTextProperty().get()).isEqualTo("300 candidates");
    }

    @Test
    void searchMatchesNameOrEmailInAnyScript() {
        vm.searchTextProperty().set("okonkwo");
        vm.applyFilter();
        assertThat(vm.countProperty().get()).isEqualTo(1);
        assertThat(vm.rows().get(0).id()).isEqualTo(FakeBackend.SHOWCASE_ID);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 candidate");

        vm.searchTextProperty().set("@example.com");
        vm.applyFilter();
        assertThat(vm.countProperty().get()).isEqualTo(300);
    }

    @Test
    void statusFilterNarrowsToTheLatestAssessment() {
        vm.statusFilterProperty().set(StatusOption.COMPLETED);
        vm.applyFilter();
        assertThat(vm.countProperty().get()).isBetween(1, 299);
        for (int i = 0; i < vm.rows().size(); i++) {
            assertThat(vm.rows().get(i).latestOrderStatus().kind()).isEqualTo(OrderStatus.Kind.COMPLETED);
        }
    }

    @Test
    void noMatchSaysWhatWasSearchedAndClearBringsEveryoneBack() {
        vm.searchTextProperty().set("xyz-nobody");
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.NO_MATCH);
        assertThat(vm.noMatchTextProperty().get()).isEqualTo("No candidates match “xyz-nobody”");

        vm.clearSearch();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.ROWS);
        assertThat(vm.countProperty().get()).isEqualTo(300);
    }

    @Test
    void aBackgroundRefreshOfANoMatchSearchDoesNotFlickerThroughLoading() {
        vm.searchTextProperty().set("xyz-nobody");
        vm.applyFilter();
        java.util.List<PeopleViewModel.State> seen = new java.util.ArrayList<>();
        vm.stateProperty().addListener((o, was, now) -> seen.add(now));
        vm.applyFilter(); // what a change event from the sync does
        assertThat(seen).doesNotContain(PeopleViewModel.State.LOADING);
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.NO_MATCH);
    }

    @Test
    void emptyCacheDuringTheFirstSyncShowsProgress() {
        backend.removeAllCandidates();
        vm.onSyncStatus(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 812, 1500, null, true, null, 0));
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.FIRST_SYNC);
        assertThat(vm.syncProgressTextProperty().get()).isEqualTo("812 of 1,500");
        assertThat(vm.syncProgressProperty().get()).isEqualTo(812 / 1500.0);
    }

    @Test
    void aFailedFirstSyncSaysWhy() {
        backend.removeAllCandidates();
        vm.onSyncStatus(new SyncStatus(SyncStatus.Phase.FAILED, 0, -1, null, false, "SmartRecruiters refused the API key.", 0));
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.EMPTY_CACHE);
        assertThat(vm.emptyCacheDetail()).isEqualTo("The last sync failed: SmartRecruiters refused the API key.");
        assertThat(vm.offlineTextProperty().get()).startsWith("Offline");
    }

    @Test
    void failureOffersRetry() {
        backend.failQueries = true;
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.ERROR);
        assertThat(vm.errorTextProperty().get()).isNotBlank();
        backend.failQueries = false;
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.ROWS);
    }

    @Test
    void changeFeedRefreshesTheCount() {
        vm.applyFilter();
        backend.removeAllCandidates();
        vm.onChange(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of()));
        assertThat(vm.countProperty().get()).isZero();
    }
    @Test
    void aBurstOfChangesDuringASyncIsOneRefreshAfterTheThrottle() {
        ThrottleRunner runner = new ThrottleRunner();
        PeopleViewModel throttled = new PeopleViewModel(backend, runner);
        throttled.applyFilter();
        int before = runner.backgroundRuns;
        for (int i = 0; i < 20; i++) {
            throttled.onChange(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of()));
            throttled.onSyncStatus(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 100 * (i + 1), 5000, null, true, null, 0));
        }
        assertThat(runner.delayed).hasSize(1);
        assertThat(runner.delayedMillis).containsOnly(PeopleViewModel.CHANGE_REFRESH_MILLIS);
        assertThat(runner.backgroundRuns).isEqualTo(before);

        backend.removeAllCandidates();
        runner.runDelayed();
        assertThat(runner.backgroundRuns).isEqualTo(before + 1);
        assertThat(throttled.countProperty().get()).isZero();
        // the next change schedules the next refresh
        throttled.onChange(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of()));
        assertThat(runner.delayed).hasSize(1);
    }

    @Test
    void whenFirstRefreshedWaitsForTheFirstAnswerThenRunsAtOnce() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        vm.whenFirstRefreshed(() -> seen.add("first:" + vm.countProperty().get()));
        assertThat(seen).isEmpty();
        vm.applyFilter();
        assertThat(seen).containsExactly("first:300");
        vm.applyFilter();
        vm.whenFirstRefreshed(() -> seen.add("later"));
        assertThat(seen).containsExactly("first:300", "later");
    }

    @Test
    void whenFirstRefreshedAlsoRunsAfterAFailedFirstRefresh() {
        backend.failQueries = true;
        java.util.List<String> seen = new java.util.ArrayList<>();
        vm.whenFirstRefreshed(() -> seen.add("shown"));
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(PeopleViewModel.State.ERROR);
        assertThat(seen).containsExactly("shown");
    }

    /** Runs background work inline but holds delayed UI work until the test releases it. */
    private static final class ThrottleRunner implements dev.recruitdesk.ui.TaskRunner {
        final java.util.List<Runnable> delayed = new java.util.ArrayList<>();
        final java.util.List<Long> delayedMillis = new java.util.ArrayList<>();
        int backgroundRuns;

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                            java.util.function.Consumer<Throwable> onFailure) {
            backgroundRuns++;
            new SyncTaskRunner().run(work, onSuccess, onFailure);
        }

        @Override
        public void runOnUi(Runnable r) {
            r.run();
        }

        @Override
        public void runOnUiAfter(long millis, Runnable r) {
            delayed.add(r);
            delayedMillis.add(millis);
        }

        void runDelayed() {
            java.util.List<Runnable> now = java.util.List.copyOf(delayed);
            delayed.clear();
            now.forEach(Runnable::run);
        }
    }
}
