package dev.recruitdesk.app;

import dev.recruitdesk.service.Backend;
import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.ui.FxTaskRunner;
import dev.recruitdesk.ui.MainWindow;
import dev.recruitdesk.ui.UiContext;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The JavaFX application: opens the session off the FX thread (in {@link #init()}), then shows the main window. */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    // Application.launch cannot pass objects to the instance it creates; these are set once before it.
    private static volatile Command.RunApp command;
    private static volatile Path dataDir;
    private static volatile Consumer<DesktopApp> onShown;
    private static volatile SimulatorConfig demoConfig = AppSession.demoSimulator();
    private static volatile java.util.concurrent.Future<AppSession> opening;
    // Set only by launchDemo (the screenshots command): open demo mode whatever account the folder holds.
    private static volatile boolean demoOnly;

    private static volatile DesktopApp current;

    private volatile AppSession session;
    private volatile Exception startupError;
    private ExecutorService background;
    private MainWindow window;
    private Stage stage;

    static void launch(Command.RunApp cmd, Path dir) {
        launch(cmd, dir, null);
    }

    static void launch(Command.RunApp cmd, Path dir, Consumer<DesktopApp> shown, SimulatorConfig simulator) {
        demoConfig = simulator;
        launch(cmd, dir, shown);
    }

    /** Demo mode only, even when the folder holds a saved account: that account is neither opened nor synced. */
    static void launchDemo(Path dir, Consumer<DesktopApp> shown, SimulatorConfig simulator) {
        demoOnly = true;
        launch(new Command.RunApp(dir, null, null), dir, shown, simulator);
    }

    static void launch(Command.RunApp cmd, Path dir, Consumer<DesktopApp> shown) {
        command = cmd;
        dataDir = dir;
        onShown = shown;
        // The session (databases, secrets, in demo mode the simulator) opens while JavaFX starts its toolkit: on a
        // cold start both take about a second, and the machine has a core for each.
        SimulatorConfig sim = demoConfig;
        boolean onlyDemo = demoOnly;
        opening = StartupTimes.openInBackground(() -> openSession(cmd, dir, sim, onlyDemo));
        Application.launch(DesktopApp.class);
    }

    static AppSession openSession(Command.RunApp cmd, Path dir, SimulatorConfig sim, boolean onlyDemo) throws Exception {
        return onlyDemo ? AppSession.openDemo(dir, sim) : AppSession.open(dir, cmd.srUrl(), cmd.apiKey(), sim);
    }

    @Override
    public void init() {
        dev.recruitdesk.ui.IconFontPreload.start();
        background = Executors.newFixedThreadPool(3, daemonThreads("ui-background"));
        // the FX thread is idle until start(): it loads the theme while this thread waits for the session
        Platform.runLater(MainWindow::applyTheme);
        try {
            session = StartupTimes.await(opening);
            opening = null;
            StartupTimes.mark("session open");
            // SIGTERM (logout, kill) skips stop(): close the databases cleanly all the same.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                AppSession s = session;
                if (s != null) {
                    s.close();
                }
            }, "close-on-exit"));
        } catch (Exception e) {
            LOG.error("Start-up failed", e);
            startupError = e;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        current = this;
        if (startupError != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "RecruitDesk could not start: " + startupError.getMessage());
            alert.setHeaderText("Start-up failed");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        showWindow(false);
        startSyncAfterFirstPaint();
        if (onShown != null) {
            onShown.accept(this);
        }
    }

    private void showWindow(boolean settingsFirst) {
        window = new MainWindow(context(session));
        window.show(stage);
        StartupTimes.mark("window shown");
        if (settingsFirst) {
            window.showSettings();
        }
    }

    /**
     * The background sync starts once People has painted its first rows: a sync started earlier competes with the
     * first query and the first pulse for the CPU (and on a full sync, for the cache's writer) while nothing is shown.
     */
    private void startSyncAfterFirstPaint() {
        AppSession s = session;
        window.afterPeopleShown(() -> {
            StartupTimes.mark("People painted");
            background.execute(() -> s.backend().syncService().start());
        });
    }

    UiContext context(AppSession s) {
        Backend b = s.backend();
        return new UiContext(b.candidateQueries(), b.profileService(), b.orderService(), b.accountService(),
                b.syncService(), b.changeFeed(), new FxTaskRunner(background), s.demo(),
                s.demo() ? this::leaveDemo : null, new UiContext.ProcessServices(b.hiringProcessService(),
                b.moveService(), b.addCandidateService()), b.writeQueue());
    }

    /** "Leave demo mode": closes the demo and opens the real account's (possibly empty) settings. */
    private void leaveDemo() {
        AppSession old = session;
        background.submit(() -> {
            try {
                old.close();
                AppSession next = AppSession.openAccount(dataDir, null, null);
                next.backend().syncService().start();
                session = next;
                Platform.runLater(() -> showWindow(true));
            } catch (Exception e) {
                LOG.error("Could not open the account", e);
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, "Could not open the account: " + e.getMessage()).show());
            }
        });
    }

    /** A second start on the same data folder asked for this window (any thread). */
    static void bringToFront() {
        DesktopApp app = current;
        if (app == null) {
            return;
        }
        Platform.runLater(() -> {
            Stage s = app.stage;
            if (s != null && s.getScene() != null) {
                s.setIconified(false);
                s.show();
                s.toFront();
                s.requestFocus();
            }
        });
    }

    MainWindow window() {
        return window;
    }

    AppSession session() {
        return session;
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
