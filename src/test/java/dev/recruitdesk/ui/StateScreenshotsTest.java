package dev.recruitdesk.ui;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.fake.FakeBackend;
import dev.recruitdesk.ui.people.PeopleViewModel;
import dev.recruitdesk.ui.profile.ProfileViewModel;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The designed non-happy states, each checked and written to target/screenshots/states to be looked at. */
class StateScreenshotsTest extends UiTestBase {

    private final Path out = Path.of("target", "screenshots", "states");

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void everyScreenHasItsLoadingEmptyErrorAndOfflineStates() throws Exception {
        Files.createDirectories(out);
        PeopleViewModel people = window.peopleViewModel();
        waitUntil(() -> people.stateProperty().get() == PeopleViewModel.State.ROWS);

        backend.setStatus(new SyncStatus(SyncStatus.Phase.IDLE, 0, -1, Instant.now().minus(Duration.ofMinutes(5)), false,
                "SmartRecruiters cannot be reached.", 2));
        waitUntil(() -> lookup("#people-offline").query().isVisible());
        assertThat(lookup("#people-offline").queryLabeled().getText()).contains("5 min ago");
        assertThat(lookup("#status-queued").queryLabeled().getText()).isEqualTo("2 changes waiting to send");
        shot("people-offline.png");

        interact(() -> {
            people.searchTextProperty().set("zzz-nobody");
            people.applyFilter();
        });
        waitUntil(() -> lookup("#people-no-match").tryQuery().isPresent());
        shot("people-no-match.png");

        backend.failRefresh = true;
        interact(() -> window.openProfile(FakeBackend.SHOWCASE_ID));
        waitUntil(() -> lookup("#profile-stale").tryQuery().isPresent());
        assertThat(window.profileView().viewModel().stateProperty().get()).isEqualTo(ProfileViewModel.State.READY);
        shot("profile-stale.png");

        AssessmentOrder failed = backend.orders(FakeBackend.SHOWCASE_ID).stream()
                .filter(o -> "key-show-3".equals(o.idempotencyKey())).findFirst().orElseThrow();
        interact(() -> window.profileView().showResults(failed));
        waitUntil(() -> lookup("#results-retry").tryQuery().isPresent());
        assertThat(lookup("#results-last-error").queryLabeled().getText()).contains("could not be reached");
        clickOn("#results-retry");
        waitUntil(() -> backend.retried.contains("key-show-3"));
        shot("results-failed.png");

        backend.integrationConnected = false;
        var dialog = ScreenshotTour.onFx(() -> window.openOrderDialog(window.profileView().viewModel(),
                window.profileView().viewModel().candidateProperty().get().applications().get(0)));
        waitUntil(() -> lookup("#order-open-settings").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(lookup("#order-error").queryLabeled().getText()).isEqualTo("Connect StackOne Assessments in Settings first.");
        ScreenshotTour.snapshot(dialog.stage().getScene(), out.resolve("order-not-connected.png"));
        clickOn("#order-open-settings");
        waitUntil(() -> lookup("#settings-base-url").tryQuery().isPresent() && !dialog.stage().isShowing());

        waitUntil(() -> !lookup("#settings-base-url").queryTextInputControl().getText().isEmpty());
        clickOn("#settings-base-url");
        interact(() -> lookup("#settings-base-url").queryTextInputControl().clear());
        write("http://sr.example.com");
        clickOn("#settings-api-key").write("key with spaces");
        waitUntil(() -> lookup("#settings-api-key-error").query().isVisible());
        shot("settings-invalid.png");

        backend.removeAllCandidates();
        backend.setStatus(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 812, 1500, null, true, null, 0));
        interact(() -> {
            window.showPeople();
            people.clearSearch();
        });
        waitUntil(() -> people.stateProperty().get() == PeopleViewModel.State.FIRST_SYNC);
        waitUntil(() -> "812 of 1,500".equals(lookup("#people-sync-progress").queryAs(Label.class).getText()));
        assertThat(lookup("#status-progress").queryLabeled().getText()).isEqualTo("Syncing candidates: 812 of 1,500");
        shot("people-first-sync.png");

        backend.failQueries = true;
        interact(people::applyFilter);
        waitUntil(() -> people.stateProperty().get() == PeopleViewModel.State.ERROR);
        shot("people-error.png");
    }

    private void shot(String name) throws Exception {
        ScreenshotTour.snapshot(window.stage().getScene(), out.resolve(name));
    }
}
