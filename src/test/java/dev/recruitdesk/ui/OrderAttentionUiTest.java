package dev.recruitdesk.ui;

import dev.recruitdesk.ui.common.TimeFormat;
import dev.recruitdesk.ui.fake.FakeBackend;
import dev.recruitdesk.ui.results.AttentionViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stuck order is flagged on the profile's row, in the results panel and in the status bar's count; a failed send
 * shows its error with attempts and offers Retry. Writes the state to target/screenshots/states to be looked at.
 */
class OrderAttentionUiTest extends UiTestBase {

    private final Path out = Path.of("target", "screenshots", "states");

    @Start
    void start(Stage stage) {
        // The showcase's IN_PROGRESS order was sent 3 h before FakeBackend.NOW; its package usually takes 25 min.
        TimeFormat.useClock(Clock.fixed(FakeBackend.NOW, ZoneOffset.UTC));
        startWindow(stage);
    }

    @AfterEach
    void releaseClock() {
        TimeFormat.useClock(Clock.systemDefaultZone());
    }

    private Node row(String packageName) {
        return lookup(".order-row").queryAll().stream()
                .filter(n -> n.getAccessibleText() != null && n.getAccessibleText().startsWith(packageName + ","))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + packageName));
    }

    private String labelText(String selector, String startsWith) {
        return lookup(selector).queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + selector + " starting with " + startsWith));
    }

    @Test
    void aStuckOrderIsFlaggedAndAFailedSendShowsItsErrorAndRetry() throws Exception {
        interact(() -> window.openProfile(FakeBackend.SHOWCASE_ID));
        waitUntil(() -> lookup(".order-row").queryAll().size() >= 3);

        // the rows: the late order and the failed send each carry a line saying so
        assertThat(labelText(".order-stuck", "Waiting"))
                .isEqualTo("Waiting longer than usual: sent 3 h ago, this package usually takes 25 min");
        assertThat(labelText(".order-problem", "Could not"))
                .startsWith("Could not be sent: SmartRecruiters could not be reached (timeout after 30 s) (tried 3 times, last at ");
        assertThat(row("Personality Questionnaire (OPQ32)").getAccessibleText())
                .contains("In Progress. Needs attention: Waiting longer than usual");
        assertThat(row("Java Skills Test (senior)").getAccessibleText()).doesNotContain("Needs attention");
        assertThat(lookup(".order-changed").queryAllAs(Label.class)).extracting(Label::getText).contains("3 h ago");

        // the results panel of the late order: state, last change and the flag; nothing to retry
        clickOn(row("Personality Questionnaire (OPQ32)"));
        waitUntil(() -> lookup("#results-stuck").tryQuery().isPresent());
        assertThat(lookup("#results-stuck").queryLabeled().getText())
                .isEqualTo("Waiting longer than usual: sent 3 h ago, this package usually takes 25 min");
        assertThat(lookup("#results-changed").queryLabeled().getText()).isEqualTo("Changed 3 h ago");
        assertThat(lookup("#results-retry").tryQuery()).isEmpty();

        // the status bar counts late orders across every candidate
        interact(() -> window.attentionViewModel().refresh());
        waitUntil(() -> lookup("#status-attention").tryQuery().map(Node::isVisible).orElse(false));
        MenuButton attention = lookup("#status-attention").queryAs(MenuButton.class);
        assertThat(attention.getText()).matches("\\d+ orders? waiting longer than usual");
        AttentionViewModel avm = window.attentionViewModel();
        assertThat(avm.items()).anyMatch(i -> i.candidateId().equals(FakeBackend.SHOWCASE_ID)
                && i.text().equals("Waiting longer than usual: sent 3 h ago, this package usually takes 25 min"));
        Files.createDirectories(out);
        dev.recruitdesk.ui.ScreenshotTour.snapshot(window.stage().getScene(), out.resolve("profile-stuck.png"));

        // the failed send: its error with attempts, and a visible Retry that queues it again
        clickOn(row("SQL Skills Test"));
        waitUntil(() -> lookup("#results-retry").tryQuery().isPresent());
        assertThat(lookup("#results-last-error").queryLabeled().getText())
                .startsWith("Could not be sent: SmartRecruiters could not be reached").contains("tried 3 times");
        assertThat(lookup("#results-stuck").tryQuery()).isEmpty();
        assertThat(lookup("#results-retry").query().isVisible()).isTrue();
        clickOn("#results-retry");
        waitUntil(() -> backend.retried.contains("key-show-3"));
        waitUntil(() -> "Queued to send again.".equals(lookup("#results-message").queryLabeled().getText()));
        dev.recruitdesk.ui.ScreenshotTour.snapshot(window.stage().getScene(), out.resolve("results-failed-retry.png"));
    }

    @Test
    void aLateOrderInTheStatusBarListLeadsToItsCandidate() {
        interact(() -> window.attentionViewModel().refresh());
        waitUntil(() -> lookup("#status-attention").tryQuery().map(Node::isVisible).orElse(false));
        AttentionViewModel.Item first = window.attentionViewModel().items().get(0);

        clickOn("#status-attention");
        waitUntil(() -> lookup(".attention-item").tryQuery().isPresent());
        Node item = lookup(".attention-item").nth(0).query();
        clickOn(item);

        waitUntil(() -> window.profileView() != null
                && first.candidateId().equals(window.profileView().viewModel().candidateId()));
    }
}
