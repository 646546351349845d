package dev.recruitdesk.app.bench;

import dev.recruitdesk.app.StartupTimes;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.SyncReport;
import dev.recruitdesk.ui.FxTaskRunner;
import dev.recruitdesk.ui.MainWindow;
import dev.recruitdesk.ui.UiContext;
import dev.recruitdesk.ui.people.PagedCandidateList;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child JVM the bench starts for the parts that need a fresh process and a real window. Modes:
 * <ul>
 *   <li>{@code minimal}: a plain window with a label, the cold-start baseline;</li>
 *   <li>{@code people DIR}: the main window on the cache in DIR, People showing its first rows;</li>
 *   <li>{@code smooth DIR MILLIS [paced]}: the main window on an empty cache in DIR while a full sync runs and the
 *       table scrolls, for MILLIS; {@code paced}: the client keeps the app's own pace (SmartRecruiters' 10 requests a
 *       second per endpoint) instead of none.</li>
 * </ul>
 * It reports on stdout as {@code BENCH key=value} lines (the parent parses them) and exits. Like the app's entry
 * point it must not extend Application itself, or the JDK launcher refuses to start it with JavaFX on the class path.
 */
public final class FxProbe {

    static final String PREFIX = "BENCH ";

    private FxProbe() {
    }

    public static void main(String[] args) {
        Probe.args = args;
        if (args.length > 1 && ("people".equals(args[0]) || "smooth".equals(args[0]))) {
            // as the app does: the backend opens while JavaFX starts its toolkit
            boolean paced = args.length > 3 && "paced".equals(args[3]);
            Probe.opening = StartupTimes.openInBackground(() -> BenchAccount.openExisting(Path.of(args[1]),
                    paced ? dev.recruitdesk.api.ClientOptions.defaults() : BenchAccount.clientOptions()));
        }
        Application.launch(Probe.class);
    }

    /** The probe talks to the bench through its standard output (a line protocol), not through the log. */
    static void report(String key, Object value) {
        System.out.println(PREFIX + key + "=" + value);
        System.out.flush();
    }

    /** Peak resident set size of this process in kB, from /proc (Linux); -1 elsewhere. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static final class Probe extends Application {

        static volatile String[] args;
        static volatile java.util.concurrent.Future<Backend> opening;
        private Backend backend;
        private ExecutorService background;

        private Exception openFailure;

        /**
         * As the app's {@code DesktopApp.init()}: icons and the theme load while this (the launcher) thread waits for
         * the session. The minimal window has neither.
         */
        @Override
        public void init() {
            if (args.length > 0 && !"minimal".equals(args[0])) {
                dev.recruitdesk.ui.IconFontPreload.start();
                Platform.runLater(MainWindow::applyTheme);
                StartupTimes.mark("toolkit started");
                try {
                    backend = StartupTimes.await(opening);
                } catch (Exception e) {
                    openFailure = e;
                }
                StartupTimes.mark("session open");
            }
        }

        private Backend openedBackend() throws Exception {
            if (openFailure != null) {
                throw openFailure;
            }
            return backend;
        }

        @Override
        public void start(Stage stage) throws Exception {
            String mode = args.length > 0 ? args[0] : "minimal";
            switch (mode) {
                case "minimal" -> minimal(stage);
                case "people" -> people(stage, Path.of(args[1]));
                case "smooth" -> smooth(stage, Path.of(args[1]));
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }

        private void minimal(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("RecruitDesk")), 1280, 800);
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    report("painted", System.currentTimeMillis());
                    Platform.runLater(() -> finish());
                }
            });
            stage.setScene(scene);
            stage.show();
        }

        private MainWindow mainWindow(Stage stage, Path dir) {
            background = Executors.newFixedThreadPool(3, r -> {
                Thread t = new Thread(r, "ui-background");
                t.setDaemon(true);
                return t;
            });
            UiContext ctx = new UiContext(backend.candidateQueries(), backend.profileService(), backend.orderService(),
                    backend.accountService(), backend.syncService(), backend.changeFeed(),
                    new FxTaskRunner(background), false, null);
            MainWindow window = new MainWindow(ctx);
            window.show(stage);
            return window;
        }

        private void people(Stage stage, Path dir) throws Exception {
            openedBackend();
            mainWindow(stage, dir);
            StartupTimes.mark("window shown");
            Scene scene = stage.getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    if (firstRowShown(scene)) {
                        StartupTimes.mark("People painted");
                        scene.removePostLayoutPulseListener(this);
                        report("painted", System.currentTimeMillis());
                        scrollThenReportMemory(scene);
                    }
                }
            });
        }

        /** Scrolls through the list for a moment (pages load as they show), then reports the peak memory. */
        private void scrollThenReportMemory(Scene scene) {
            TableView<?> table = table(scene);
            new AnimationTimer() {
                private int frame;

                @Override
                public void handle(long now) {
                    int size = table.getItems().size();
                    table.scrollTo((int) ((long) frame * 997 % Math.max(1, size)));
                    if (++frame >= 120) {
                        stop();
                        report("peakRssKb", peakRssKb());
                        finish();
                    }
                }
            }.start();
        }

        private void smooth(Stage stage, Path dir) throws Exception {
            openedBackend();
            mainWindow(stage, dir);
            Scene scene = stage.getScene();
            PulseGaps gaps = new PulseGaps();
            scene.addPostLayoutPulseListener(gaps::pulse);
            new AnimationTimer() {
                private int frame;

                @Override
                public void handle(long now) {
                    TableView<?> table = table(scene);
                    int size = table == null ? 0 : table.getItems().size();
                    if (size > 0) {
                        table.scrollTo(frame++ * 7 % size);
                    }
                }
            }.start();
            long limitMillis = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
            java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable reportGaps = () -> {
                if (!reported.compareAndSet(false, true)) {
                    return;
                }
                gaps.stop();
                SyncStatusLine s = SyncStatusLine.of(backend);
                report("syncDone", s.done());
                report("syncTotal", s.total());
                report("pulses", gaps.pulses());
                report("measuredMs", gaps.recordedMillis());
                report("maxGapMs", String.format(Locale.ROOT, "%.1f", gaps.maxGapNanos() / 1e6));
                report("maxGapEnd", java.time.Instant.ofEpochMilli(gaps.maxGapEndMillis()));
                report("p99GapMs", String.format(Locale.ROOT, "%.1f", gaps.percentileNanos(99) / 1e6));
                report("peakRssKb", peakRssKb());
                finish();
            };
            Thread sync = new Thread(() -> {
                SyncReport r = backend.syncService().syncOnce();
                report("syncMs", r.millis());
                report("syncComplete", r.complete());
                Platform.runLater(reportGaps);
            }, "bench-sync");
            sync.setDaemon(true);
            // let the window settle first: start-up pulses are the cold-start figure's business, not this one's
            new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> {
                gaps.start();
                sync.start();
                if (limitMillis != Long.MAX_VALUE) {
                    // a long sync is sampled: the gaps of its first part, then the window closes (ending the sync)
                    new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                            javafx.util.Duration.millis(limitMillis), x -> reportGaps.run())).play();
                }
            })).play();
        }

        /** How far the sync got (it may still run when a sampled measurement ends). */
        private record SyncStatusLine(int done, int total) {
            static SyncStatusLine of(Backend b) {
                var s = b.syncService().status();
                return new SyncStatusLine(s.done(), s.total());
            }
        }

        private static TableView<?> table(Scene scene) {
            Node n = scene.getRoot().lookup("#people-table");
            return n instanceof TableView<?> t ? t : null;
        }

        private static boolean firstRowShown(Scene scene) {
            TableView<?> table = table(scene);
            if (table == null || table.getScene() == null || !(table.getItems() instanceof PagedCandidateList rows)) {
                return false;
            }
            CandidateRow first = rows.isEmpty() ? null : rows.peek(0);
            return first != null && !PagedCandidateList.isPlaceholder(first);
        }

        private void finish() {
            if (backend != null) {
                Backend b = backend;
                backend = null;
                b.close();
            }
            if (background != null) {
                background.shutdownNow();
            }
            Platform.exit();
        }
    }
}
