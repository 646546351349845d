package dev.recruitdesk.ui.profile;

import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.fake.FakeBackend;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileViewModelTest {

    private final FakeBackend backend = new FakeBackend(5);

    private ProfileViewModel vm(String id) {
        return new ProfileViewModel(id, backend, backend, new SyncTaskRunner(), backend::status);
    }

    @Test
    void oneSectionPerApplicationWithItsOwnOrders() {
        ProfileViewModel vm = vm(FakeBackend.SHOWCASE_ID);
        vm.load();
        assertThat(vm.stateProperty().get()).isEqualTo(ProfileViewModel.State.READY);
        assertThat(vm.sections()).hasSize(3);
        assertThat(vm.sections().get(0).application().jobTitle()).isEqualTo("Backend Engineer");
        assertThat(vm.sections().get(0).orders()).hasSize(2);
        assertThat(vm.sections().get(1).orders()).hasSize(1);
        assertThat(vm.sections().get(2).orders()).isEmpty();
        assertThat(backend.refreshCalls.get()).isEqualTo(1);
        assertThat(vm.updatingProperty().get()).isFalse();
    }

    @Test
    void theProfileKnowsWhichOrdersNeedTheRecruiter() {
        dev.recruitdesk.ui.common.TimeFormat.useClock(java.time.Clock.fixed(FakeBackend.NOW, java.time.ZoneOffset.UTC));
        try {
            ProfileViewModel vm = vm(FakeBackend.SHOWCASE_ID);
            vm.load();
            var byKey = new java.util.HashMap<String, dev.recruitdesk.domain.AssessmentOrder>();
            vm.orders().forEach(o -> byKey.put(o.idempotencyKey(), o));
            assertThat(vm.packageTimesProperty().get().minutes("pkg-opq")).isEqualTo(25);
            assertThat(vm.stuckText(byKey.get("key-show-2"))).startsWith("Waiting longer than usual: sent 3 h ago");
            assertThat(vm.problemText(byKey.get("key-show-3"))).startsWith("Could not be sent: ");
            assertThat(vm.stuckText(byKey.get("key-show-1"))).isEmpty();
            assertThat(vm.problemText(byKey.get("key-show-1"))).isEmpty();
            assertThat(vm.needsAttention()).isEqualTo(2);
        } finally {
            dev.recruitdesk.ui.common.TimeFormat.useClock(java.time.Clock.systemDefaultZone());
        }
    }

    @Test
    void aFailedRefreshKeepsTheCachedCopyAndSaysHowOld() {
        backend.failRefresh = true;
        ProfileViewModel vm = vm(FakeBackend.SHOWCASE_ID);
        vm.load();
        assertThat(vm.stateProperty().get()).isEqualTo(ProfileViewModel.State.READY);
        assertThat(vm.staleTextProperty().get()).isEqualTo("Showing cached data from 2 min ago.".replace("2 min ago",
                dev.recruitdesk.ui.common.TimeFormat.relative(backend.status.lastSuccess())));
    }

    @Test
    void unknownCandidateIsNotFound() {
        ProfileViewModel vm = vm("nobody");
        vm.load();
        assertThat(vm.stateProperty().get()).isEqualTo(ProfileViewModel.State.ERROR);
        assertThat(vm.errorTextProperty().get()).isEqualTo("No such candidate.");
    }

    @Test
    void newOrderShowsAtOnceAndFollowsTheChangeFeed() {
        ProfileViewModel vm = vm(FakeBackend.SHOWCASE_ID);
        vm.load();
        backend.subscribe(vm::onChange);
        var app = backend.candidate(FakeBackend.SHOWCASE_ID).orElseThrow().applications().get(2);
        var partner = new dev.recruitdesk.domain.Partner("p-codility", "Codility", "SKILLS_TEST");
        var pkg = backend.packages("p-codility").get(0);
        var queued = backend.queue(new dev.recruitdesk.service.OrderRequest(app, partner, pkg));
        assertThat(vm.sections().get(2).orders()).extracting(o -> o.status().raw()).containsExactly("SENDING");

        backend.markSent(queued.idempotencyKey());
        assertThat(vm.sections().get(2).orders()).extracting(o -> o.status().raw()).containsExactly("SENT");
        vm.onChange(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of("someone-else")));
        assertThat(vm.sections().get(2).orders()).hasSize(1);
    }
}
