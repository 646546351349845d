package dev.recruitdesk.ui.shell;

import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.common.StateView;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's parts that start hidden are built when they first show (a cold start's first CSS pass skips them),
 * and then sit where they always did: progress after "synced", queued writes and late orders at the right end.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarLazyUiTest extends FxRobot {

    private StatusBarViewModel vm;
    private ShellView shell;
    private final SimpleIntegerProperty late = new SimpleIntegerProperty();
    private StackPane stateHolder;

    @Start
    void start(Stage stage) {
        vm = new StatusBarViewModel(new SyncTaskRunner());
        shell = new ShellView(vm, false, () -> { }, () -> { });
        // as MainWindow adds the late-orders button: through a binding nothing else holds on to
        shell.addStatusItemWhenShown(late.greaterThan(0), () -> {
            Label l = new Label();
            l.setId("late-orders");
            l.textProperty().bind(late.asString());
            // as the late-orders button: it hides itself again at zero
            l.visibleProperty().bind(late.greaterThan(0));
            l.managedProperty().bind(l.visibleProperty());
            return l;
        });
        stateHolder = new StackPane();
        shell.setContent(stateHolder);
        stage.setScene(new Scene(shell, 900, 500));
        stage.show();
    }

    @Test
    void hiddenPartsAreBuiltWhenTheyFirstShowInTheirPlace() {
        assertThat(lookup("#status-progress").tryQuery()).as("no sync yet: no progress bar").isEmpty();
        assertThat(lookup("#status-queued").tryQuery()).isEmpty();
        assertThat(lookup("#status-notice").tryQuery()).isEmpty();
        assertThat(lookup("#late-orders").tryQuery()).isEmpty();

        // the binding count > 0 is weakly held by the count: collected, the button would never come
        System.gc();
        interact(() -> {
            vm.apply(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 10, 100, Instant.now(), true, null, 2));
            vm.showNotice("The cache is being rebuilt");
            late.set(3);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#status-progress").queryLabeled().getText()).contains("10");
        assertThat(lookup("#status-queued").queryLabeled().isVisible()).isTrue();
        assertThat(lookup("#late-orders").queryLabeled().getText()).isEqualTo("3");
        List<String> order = interactAndGet(() -> lookup("#status-bar").queryAs(javafx.scene.layout.HBox.class)
                .getChildren().stream().map(StatusBarLazyUiTest::idWithin).toList());
        assertThat(order).containsSubsequence("status-online", "status-synced", "status-progress", "status-notice",
                "status-queued", "late-orders");

        // and they hide again as before
        interact(() -> vm.apply(new SyncStatus(SyncStatus.Phase.IDLE, 0, -1, Instant.now(), true, null, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#status-progress").query().getParent().isVisible()).isFalse();
        assertThat(lookup("#status-queued").query().isVisible()).isFalse();
    }

    /** After the first paint the window builds them ahead, hidden, so a sync's first pulse does not. */
    @Test
    void partsBuiltAheadStayHiddenUntilShownAndAreNotBuiltTwice() {
        interact(() -> shell.buildHiddenParts());
        assertThat(lookup("#status-progress").tryQuery()).as("built, hidden").isPresent();
        assertThat(lookup("#status-progress").query().getParent().isVisible()).isFalse();
        assertThat(lookup("#late-orders").query().isVisible()).isFalse();

        interact(() -> {
            vm.apply(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 10, 100, Instant.now(), true, null, 2));
            late.set(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#status-progress").queryAll()).hasSize(1);
        assertThat(lookup("#late-orders").queryAll()).hasSize(1);
        assertThat(lookup("#status-progress").query().getParent().isVisible()).isTrue();
        assertThat(lookup("#late-orders").queryLabeled().isVisible()).isTrue();
        List<String> order = interactAndGet(() -> lookup("#status-bar").queryAs(javafx.scene.layout.HBox.class)
                .getChildren().stream().map(StatusBarLazyUiTest::idWithin).toList());
        assertThat(order).containsSubsequence("status-online", "status-synced", "status-progress", "status-notice",
                "status-queued", "late-orders");
    }

    @Test
    void aShortWaitShowsNoSpinnerALongerOneDoes() throws Exception {
        StateView[] views = new StateView[2];
        interact(() -> {
            views[0] = StateView.loading("Loading candidates…");
            views[1] = StateView.loading("Loading candidates…");
            stateHolder.getChildren().add(views[0]);
        });
        assertThat(spinners(views[0])).as("at first: the words alone").isZero();
        // the second view leaves before the delay is up (its answer came): it never builds a spinner
        interact(() -> stateHolder.getChildren().add(views[1]));
        interact(() -> stateHolder.getChildren().remove(views[1]));
        Thread.sleep(900);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spinners(views[0])).as("still waiting after the delay").isEqualTo(1);
        assertThat(spinners(views[1])).isZero();

        // the delay counts from when the view shows, not from when it was made (found in review)
        StateView[] made = new StateView[1];
        interact(() -> made[0] = StateView.loading("Loading candidates…"));
        Thread.sleep(600);
        interact(() -> stateHolder.getChildren().setAll(made[0]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spinners(made[0])).as("just shown").isZero();
        Thread.sleep(900);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spinners(made[0])).as("shown and still waiting after the delay").isEqualTo(1);
    }

    private int spinners(StateView v) {
        return interactAndGet(() -> (int) v.getChildren().stream().filter(n -> n instanceof ProgressIndicator).count());
    }

    private <T> T interactAndGet(java.util.function.Supplier<T> s) {
        Object[] out = new Object[1];
        interact(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** The id of a status bar child or of the first node inside it that has one. */
    private static String idWithin(Node n) {
        if (n.getId() != null) {
            return n.getId();
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                String id = idWithin(c);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }
}
