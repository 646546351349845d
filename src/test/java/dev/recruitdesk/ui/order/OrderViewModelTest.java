package dev.recruitdesk.ui.order;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.ui.DeferredTaskRunner;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.fake.FakeBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderViewModelTest {

    private final FakeBackend backend = new FakeBackend(5);
    private final Candidate showcase = backend.candidate(FakeBackend.SHOWCASE_ID).orElseThrow();

    private OrderViewModel vmFor(ApplicationRef app) {
        OrderViewModel vm = new OrderViewModel(backend, new SyncTaskRunner(), app, showcase.displayName());
        vm.loadPartners();
        return vm;
    }

    private static AssessmentPackage pkg(OrderViewModel vm, String id) {
        return vm.packages().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void continueStaysDisabledUntilPartnerAndPackageAreChosen() {
        OrderViewModel vm = vmFor(showcase.applications().get(2));
        assertThat(vm.partners()).hasSize(3);
        assertThat(vm.canContinueBinding().get()).isFalse();
        assertThat(vm.continueReasonBinding().get()).isEqualTo("Choose an assessment partner first.");

        vm.partnerProperty().set(vm.partners().get(0));
        assertThat(vm.packages()).isNotEmpty();
        assertThat(vm.canContinueBinding().get()).isFalse();
        assertThat(vm.continueReasonBinding().get()).isEqualTo("Choose a package to continue.");

        vm.packageProperty().set(vm.packages().get(0));
        assertThat(vm.canContinueBinding().get()).isTrue();
        assertThat(vm.continueReasonBinding().get()).isEmpty();
    }

    @Test
    void changingThePartnerClearsThePackage() {
        OrderViewModel vm = vmFor(showcase.applications().get(2));
        vm.partnerProperty().set(vm.partners().get(0));
        vm.packageProperty().set(vm.packages().get(0));
        vm.partnerProperty().set(vm.partners().get(1));
        assertThat(vm.packageProperty().get()).isNull();
        assertThat(vm.canContinueBinding().get()).isFalse();
    }

    @Test
    void withoutADuplicateContinueQueuesAtOnceAsSending() {
        OrderViewModel vm = vmFor(showcase.applications().get(2));
        vm.partnerProperty().set(vm.partners().get(0));
        vm.packageProperty().set(pkg(vm, "pkg-java"));
        vm.submit();
        assertThat(backend.queuedRequests).hasSize(1);
        assertThat(vm.queuedProperty().get().status()).isEqualTo(OrderStatus.SENDING);
        assertThat(vm.stepProperty().get()).isEqualTo(OrderViewModel.Step.QUEUED);
    }

    @Test
    void anOpenDuplicateNeedsAnExplicitConfirmation() {
        // The showcase has an open (In Progress) OPQ order on its first job.
        OrderViewModel vm = vmFor(showcase.applications().get(0));
        vm.partnerProperty().set(vm.partners().get(1));
        vm.packageProperty().set(pkg(vm, "pkg-opq"));
        vm.submit();

        assertThat(backend.queuedRequests).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(OrderViewModel.Step.CONFIRM_DUPLICATE);
        assertThat(vm.duplicateTextProperty().get())
                .startsWith(showcase.displayName() + " already has an open Personality Questionnaire (OPQ32) order (In Progress")
                .endsWith("Order again?");
        assertThat(vm.canContinueBinding().get()).isFalse();

        vm.cancelDuplicate();
        assertThat(backend.queuedRequests).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(OrderViewModel.Step.CHOOSING);

        vm.submit();
        vm.confirmDuplicate();
        assertThat(backend.queuedRequests).hasSize(1);
    }

    @Test
    void notConnectedIntegrationPointsToSettings() {
        backend.integrationConnected = false;
        OrderViewModel vm = vmFor(showcase.applications().get(0));
        assertThat(vm.notConnectedProperty().get()).isTrue();
        assertThat(vm.errorTextProperty().get()).isEqualTo("Connect StackOne Assessments in Settings first.");
        assertThat(vm.partners()).isEmpty();
    }

    @Test
    void partnersLoadInTheBackground() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        OrderViewModel vm = new OrderViewModel(backend, tasks, showcase.applications().get(0), "x");
        vm.loadPartners();
        assertThat(vm.loadingPartnersProperty().get()).isTrue();
        tasks.runAll();
        assertThat(vm.loadingPartnersProperty().get()).isFalse();
        assertThat(vm.partners()).hasSize(3);
    }

    @Test
    void packageDescriptionShowsTheExpectedTime() {
        assertThat(OrderViewModel.describe(new AssessmentPackage("p", "x", "Java", "Algorithms", "SKILLS_TEST", 90)))
                .isEqualTo("Algorithms · about 90 min");
        assertThat(OrderViewModel.describe(new AssessmentPackage("p", "x", "Java", null, "SKILLS_TEST", 0))).isEmpty();
    }
}
