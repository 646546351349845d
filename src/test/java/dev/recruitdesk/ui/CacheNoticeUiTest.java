package dev.recruitdesk.ui;

import dev.recruitdesk.service.SyncService;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.fake.FakeBackend;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 item 6: a cache that was set aside and is being rebuilt is said in the main window's status bar. */
@ExtendWith(ApplicationExtension.class)
class CacheNoticeUiTest extends FxRobot {

    static final String NOTICE = "The local cache could not be read and is being rebuilt from SmartRecruiters; "
            + "the old file was kept as cache-broken-20261203-101500-000.mv.db in the data folder";

    static {
        System.setProperty("recruitdesk.ui.rememberWindow", "false");
    }

    private ExecutorService background;

    @Start
    void start(Stage stage) {
        FakeBackend backend = new FakeBackend();
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ui-test-background");
            t.setDaemon(true);
            return t;
        });
        SyncService rebuilt = new SyncService() {
            @Override public void start() { }
            @Override public void syncNow() { }
            @Override public SyncStatus status() { return backend.status(); }
            @Override public void addStatusListener(Consumer<SyncStatus> l) { backend.addStatusListener(l); }
            @Override public String notice() { return NOTICE; }
            @Override public void close() { }
        };
        UiContext ctx = new UiContext(backend, backend, backend, backend, rebuilt, backend, new FxTaskRunner(background),
                false, null);
        new MainWindow(ctx, uri -> { }).show(stage);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void theStatusBarSaysTheCacheIsRebuiltAndWhereTheOldFileIsUntilDismissed() {
        Label notice = lookup("#status-notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo(NOTICE);
        assertThat(notice.getParent().isVisible()).isTrue();
        assertThat(notice.getTooltip().getText()).isEqualTo(NOTICE);

        clickOn("#status-notice-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice.getParent().isVisible()).isFalse();
    }
}
