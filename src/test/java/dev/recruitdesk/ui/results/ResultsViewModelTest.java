package dev.recruitdesk.ui.results;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.fake.FakeBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsViewModelTest {

    private final FakeBackend backend = new FakeBackend(5);
    private final List<URI> opened = new ArrayList<>();

    private AssessmentOrder order(String key) {
        return backend.orders(FakeBackend.SHOWCASE_ID).stream().filter(o -> o.idempotencyKey().equals(key)).findFirst().orElseThrow();
    }

    private ResultsViewModel vm(AssessmentOrder o) {
        return new ResultsViewModel(o, backend, new SyncTaskRunner(), opened::add);
    }

    @Test
    void opensAWebReport() {
        ResultsViewModel vm = vm(order("key-show-1"));
        assertThat(vm.reportOpenable()).isTrue();
        vm.openReport();
        assertThat(opened).containsExactly(URI.create("https://reports.example.com/codility/ord-show-1"));
    }

    @Test
    void neverOpensSomethingThatIsNotAWebLink() {
        AssessmentOrder o = order("key-show-1");
        AssessmentOrder local = new AssessmentOrder(o.id(), o.idempotencyKey(), o.applicationId(), o.candidateId(), o.jobId(),
                o.partnerId(), o.partnerName(), o.packageId(), o.packageName(), o.status(), o.createdOn(), o.updatedOn(),
                o.history(), o.score(), o.summary(), "file:///etc/passwd", o.attachments(), null);
        ResultsViewModel vm = vm(local);
        assertThat(vm.reportOpenable()).isFalse();
        vm.openReport();
        assertThat(opened).isEmpty();
        assertThat(vm.messageProperty().get()).contains("cannot be opened");
    }

    @Test
    void savesAnAttachmentWhereTheUserChose(@TempDir Path dir) throws Exception {
        ResultsViewModel vm = vm(order("key-show-1"));
        Path target = dir.resolve("report.pdf");
        vm.save(order("key-show-1").attachments().get(0), target);
        assertThat(Files.readString(target)).contains("https://files.example.com/att-1");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved report.pdf.");
    }

    @Test
    void openingAnAttachmentHandsOverTheDownloadedFile() {
        ResultsViewModel vm = vm(order("key-show-1"));
        vm.open(order("key-show-1").attachments().get(0));
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).getScheme()).isEqualTo("file");
        assertThat(opened.get(0).getPath()).endsWith("codility-report.pdf");
    }

    @Test
    void aFailedQueuedOrderCanBeRetried() {
        ResultsViewModel vm = vm(order("key-show-3"));
        assertThat(vm.canRetry()).isTrue();
        vm.retry();
        assertThat(backend.retried).containsExactly("key-show-3");
        assertThat(vm(order("key-show-1")).canRetry()).isFalse();
    }

    @Test
    void anOrderPastItsPackagesUsualTimeIsFlaggedAndAFailedSendSaysWhyWithRetry() {
        dev.recruitdesk.ui.common.TimeFormat.useClock(java.time.Clock.fixed(FakeBackend.NOW, java.time.ZoneOffset.UTC));
        try {
            ResultsViewModel stuck = vm(order("key-show-2"));
            stuck.packageTimesProperty().set(backend.packageTimes());
            assertThat(stuck.stateText()).isEqualTo("In Progress");
            assertThat(stuck.stuckText())
                    .isEqualTo("Waiting longer than usual: sent 3 h ago, this package usually takes 25 min");
            assertThat(stuck.problemText()).isEmpty();
            assertThat(stuck.canRetry()).isFalse();
            assertThat(stuck.changedText()).isEqualTo("Changed 3 h ago");

            ResultsViewModel failed = vm(order("key-show-3"));
            failed.packageTimesProperty().set(backend.packageTimes());
            assertThat(failed.stateText()).isEqualTo("Failed");
            assertThat(failed.stuckText()).isEmpty();
            assertThat(failed.problemText()).startsWith(
                    "Could not be sent: SmartRecruiters could not be reached (timeout after 30 s) (tried 3 times, last at ");
            assertThat(failed.canRetry()).isTrue();

            ResultsViewModel done = vm(order("key-show-1"));
            done.packageTimesProperty().set(backend.packageTimes());
            assertThat(done.stuckText()).isEmpty();
            assertThat(done.problemText()).isEmpty();
            assertThat(done.stateText()).isEqualTo("Completed");
        } finally {
            dev.recruitdesk.ui.common.TimeFormat.useClock(java.time.Clock.systemDefaultZone());
        }
    }

    @Test
    void anOrderThePartnerFailedShowsItsErrorButNoRetry() {
        AssessmentOrder o = order("key-show-2");
        AssessmentOrder partnerFailed = new AssessmentOrder(o.id(), o.idempotencyKey(), o.applicationId(),
                o.candidateId(), o.jobId(), o.partnerId(), o.partnerName(), o.packageId(), o.packageName(),
                dev.recruitdesk.domain.OrderStatus.FAILED, o.createdOn(), o.updatedOn(), o.history(), null, null, null,
                List.of(), "The partner rejected the order.");
        ResultsViewModel vm = vm(partnerFailed);
        assertThat(partnerFailed.idempotencyKey()).as("placed by us, so it has a key").isNotNull();
        assertThat(vm.canRetry()).as("resending the same key would return the same failed order").isFalse();
        assertThat(vm.problemText()).isEqualTo("Last error: The partner rejected the order");
        assertThat(vm.stateText()).isEqualTo("Failed");
    }

    @Test
    void withoutTheCatalogueAFreshOrderIsNotFlagged() {
        dev.recruitdesk.ui.common.TimeFormat.useClock(java.time.Clock.fixed(FakeBackend.NOW, java.time.ZoneOffset.UTC));
        try {
            // unknown usual time: the 7-day default applies, and 3 h is well inside it
            assertThat(vm(order("key-show-2")).stuckText()).isEmpty();
        } finally {
            dev.recruitdesk.ui.common.TimeFormat.useClock(java.time.Clock.systemDefaultZone());
        }
    }

    @Test
    void attachmentNamesCannotEscapeTheTempFolder() {
        assertThat(ResultsViewModel.safeName("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
        assertThat(ResultsViewModel.safeName(null)).isEqualTo("attachment");
    }
}
