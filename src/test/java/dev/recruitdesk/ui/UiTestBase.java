package dev.recruitdesk.ui;

import dev.recruitdesk.ui.fake.FakeBackend;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Starts a real MainWindow (headless Monocle) on the fake backend with a real background executor. */
@ExtendWith(ApplicationExtension.class)
abstract class UiTestBase extends FxRobot {

    static {
        System.setProperty("recruitdesk.ui.rememberWindow", "false");
    }

    protected FakeBackend backend;
    protected UiContext ctx;
    protected MainWindow window;
    protected final List<URI> opened = new CopyOnWriteArrayList<>();
    private ExecutorService background;

    /** TestFX only finds {@code @Start} on the test class itself: subclasses declare one that calls this. */
    protected void startWindow(Stage stage) {
        backend = new FakeBackend();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ui-test-background");
            t.setDaemon(true);
            return t;
        });
        ctx = new UiContext(backend, backend, backend, backend, backend, backend, new FxTaskRunner(background), true, null);
        beforeWindow();
        window = new MainWindow(ctx, opened::add);
        window.show(stage);
    }

    /** Runs after the fake backend is made and before the window opens on it. */
    protected void beforeWindow() {
    }

    @AfterEach
    void stopBackground() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    /** Polls (on the FX thread) until the condition holds, failing after the deadline. */
    protected void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                boolean[] result = new boolean[1];
                interact(() -> result[0] = condition.getAsBoolean());
                return result[0];
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }
}
