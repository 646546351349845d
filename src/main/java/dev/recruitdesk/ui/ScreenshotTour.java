package dev.recruitdesk.ui;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.ui.order.OrderDialog;
import dev.recruitdesk.ui.order.OrderViewModel;
import dev.recruitdesk.ui.people.PeopleViewModel;
import dev.recruitdesk.ui.profile.ProfileView;
import dev.recruitdesk.ui.profile.ProfileViewModel;
import dev.recruitdesk.ui.settings.SettingsViewModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives a shown {@link MainWindow} through its screens and writes one PNG per screen (scene snapshots, so it works
 * under Xvfb and under headless Monocle). Call it from any thread but the FX thread; it waits for data with deadlines.
 */
public final class ScreenshotTour {

    private static final Logger log = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final long DATA_DEADLINE_MS = Long.getLong("recruitdesk.screenshots.waitMillis", 90_000);
    private static final long STEP_DEADLINE_MS = 15_000;

    private ScreenshotTour() {
    }

    public static List<Path> run(MainWindow window, UiContext ctx, Path outDir) throws Exception {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("ScreenshotTour waits for the FX thread: call it from another thread");
        }
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();

        onFx(() -> {
            Stage s = window.stage();
            s.setWidth(MainWindow.DEFAULT_WIDTH);
            s.setHeight(MainWindow.DEFAULT_HEIGHT);
            window.showSettings();
            return null;
        });
        waitFor("settings to load", STEP_DEADLINE_MS, () -> onFxQuiet(() -> {
            SettingsViewModel vm = window.settingsViewModel();
            return vm != null && vm.busyProperty().get() == SettingsViewModel.Busy.NONE;
        }));
        written.add(snapshot(window.stage().getScene(), outDir.resolve("settings.png")));

        onFx(() -> {
            window.showPeople();
            return null;
        });
        waitFor("the first sync to bring candidates", DATA_DEADLINE_MS, () -> onFxQuiet(() -> {
            PeopleViewModel vm = window.peopleViewModel();
            if (vm.stateProperty().get() != PeopleViewModel.State.ROWS) {
                vm.applyFilter(); // cheap: a count; catches data that arrived without an event
                return false;
            }
            return vm.rows().peek(0) != null;
        }));
        // Orders arrive after candidates in a first sync: wait for them so People shows its status chips too.
        Optional<String> showcase = waitForShowcaseCandidate(ctx);
        onFx(() -> {
            window.peopleViewModel().applyFilter();
            return null;
        });
        waitFor("the People list to show orders", STEP_DEADLINE_MS, () -> onFxQuiet(() -> {
            CandidateRow first = window.peopleViewModel().rows().peek(0);
            return first != null && (showcase.isEmpty() || anyStatusShown(window.peopleViewModel()));
        }));
        settle();
        written.add(snapshot(window.stage().getScene(), outDir.resolve("people.png")));

        if (showcase.isEmpty()) {
            log.warn("No candidate with orders found: profile, order and results screenshots skipped");
            processScreens(window, ctx, outDir, written);
            return written;
        }
        onFx(() -> {
            window.openProfile(showcase.get());
            return null;
        });
        waitFor("the profile to load", STEP_DEADLINE_MS, () -> onFxQuiet(() -> {
            ProfileView v = window.profileView();
            return v != null && v.viewModel().stateProperty().get() == ProfileViewModel.State.READY
                    && !v.viewModel().updatingProperty().get();
        }));
        settle();
        written.add(snapshot(window.stage().getScene(), outDir.resolve("profile.png")));

        OrderDialog dialog = onFx(() -> {
            ProfileViewModel vm = window.profileView().viewModel();
            ApplicationRef app = vm.candidateProperty().get().applications().get(0);
            return window.openOrderDialog(vm, app);
        });
        try {
            OrderViewModel ovm = viewModelOf(dialog);
            waitFor("partners to load", STEP_DEADLINE_MS, () -> onFxQuiet(() -> !ovm.loadingPartnersProperty().get()));
            onFx(() -> {
                if (ovm.partnerProperty().get() == null && !ovm.partners().isEmpty()) {
                    ovm.partnerProperty().set(ovm.partners().get(0));
                }
                return null;
            });
            waitFor("packages to load", STEP_DEADLINE_MS, () -> onFxQuiet(() ->
                    ovm.partnerProperty().get() == null || !ovm.loadingPackagesProperty().get() && !ovm.packages().isEmpty()));
            onFx(() -> {
                if (!ovm.packages().isEmpty()) {
                    ovm.packageProperty().set(ovm.packages().get(0));
                }
                dialog.stage().sizeToScene();
                return null;
            });
            settle();
            written.add(snapshot(dialog.stage().getScene(), outDir.resolve("order-modal.png")));
        } finally {
            onFx(() -> {
                dialog.stage().close();
                return null;
            });
        }

        AssessmentOrder completed = onFx(() -> window.profileView().viewModel().orders().stream()
                .filter(o -> o.status().kind() == OrderStatus.Kind.COMPLETED || o.status().kind() == OrderStatus.Kind.PASSED)
                .findFirst().orElse(window.profileView().viewModel().orders().get(0)));
        onFx(() -> {
            window.profileView().showResults(completed);
            return null;
        });
        settle();
        written.add(snapshot(window.stage().getScene(), outDir.resolve("results.png")));
        processScreens(window, ctx, outDir, written);
        return written;
    }

    /** The hiring-process screen with a step's rule and preview, the move dialog and both Add Candidate tabs. */
    static void processScreens(MainWindow window, UiContext ctx, Path outDir, List<Path> written)
            throws Exception {
        if (ctx.process() == null) {
            return;
        }
        onFx(() -> {
            window.showProcess();
            return null;
        });
        waitFor("hiring processes to load", STEP_DEADLINE_MS, () -> onFxQuiet(() ->
                window.processView() != null && !window.processView().viewModel().processes().isEmpty()
                        && !window.processView().viewModel().partners().isEmpty()));
        dev.recruitdesk.ui.process.ProcessViewModel pvm = onFx(() -> window.processView().viewModel());
        onFx(() -> {
            pvm.steps().stream().filter(r -> !r.assessment().isEmpty()).findFirst().ifPresent(pvm.stepProperty()::set);
            return null;
        });
        waitFor("the rule preview", STEP_DEADLINE_MS, () -> onFxQuiet(() -> pvm.packageProperty().get() != null
                && pvm.previewTextProperty().get().contains("Next")));
        settle();
        written.add(snapshot(window.stage().getScene(), outDir.resolve("hiring-process.png")));

        onFx(() -> {
            window.showPeople();
            return null;
        });
        List<String> ids = onFx(() -> {
            List<String> some = new ArrayList<>();
            for (int i = 0; i < Math.min(3, window.peopleViewModel().rows().size()); i++) {
                CandidateRow r = window.peopleViewModel().rows().peek(i);
                if (r != null) {
                    some.add(r.id());
                }
            }
            return some;
        });
        dev.recruitdesk.ui.process.MoveDialog move = onFx(() -> window.openMoveDialog(ids));
        try {
            waitFor("the move dialog", STEP_DEADLINE_MS, () -> onFxQuiet(() -> move.viewModel().readyProperty().get()));
            onFx(() -> {
                move.viewModel().selectStep("Skills Test");
                if (move.viewModel().targetProperty().get() == null && !move.viewModel().targets().isEmpty()) {
                    move.viewModel().targetProperty().set(move.viewModel().targets().get(0));
                }
                move.stage().sizeToScene();
                return null;
            });
            settle();
            written.add(snapshot(move.stage().getScene(), outDir.resolve("move-dialog.png")));
        } finally {
            onFx(() -> {
                move.stage().close();
                return null;
            });
        }

        dev.recruitdesk.ui.process.AddCandidateDialog add = onFx(() -> window.openAddCandidate(null));
        try {
            waitFor("jobs for Add Candidate", STEP_DEADLINE_MS, () -> onFxQuiet(() -> !add.viewModel().jobs().isEmpty()));
            onFx(() -> {
                add.viewModel().firstNameProperty().set("Amara");
                add.viewModel().lastNameProperty().set("Nwosu");
                add.viewModel().emailProperty().set("amara.nwosu@");
                add.stage().sizeToScene();
                return null;
            });
            settle();
            written.add(snapshot(add.stage().getScene(), outDir.resolve("add-candidate.png")));
            onFx(() -> {
                add.viewModel().modeProperty().set(dev.recruitdesk.ui.process.AddCandidateViewModel.Mode.RESUME);
                return null;
            });
            settle();
            written.add(snapshot(add.stage().getScene(), outDir.resolve("add-candidate-resume.png")));
        } finally {
            onFx(() -> {
                add.stage().close();
                return null;
            });
        }
    }

    private static OrderViewModel viewModelOf(OrderDialog dialog) {
        return dialog.viewModel();
    }

    private static boolean anyStatusShown(PeopleViewModel vm) {
        for (int i = 0; i < Math.min(vm.rows().size(), 20); i++) {
            CandidateRow row = vm.rows().peek(i);
            if (row != null && row.latestOrderStatus() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Orders arrive after the candidates in a first sync: polls for a candidate worth showing until one with a
     * scored, completed order on several jobs turns up, or the deadline passes (then the best one seen).
     */
    static Optional<String> waitForShowcaseCandidate(UiContext ctx) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DATA_DEADLINE_MS);
        Showcase best = new Showcase(null, -1);
        while (true) {
            Showcase found = findShowcaseCandidate(ctx);
            if (found.score() > best.score()) {
                best = found;
            }
            if (best.score() >= Showcase.GOOD || System.nanoTime() > end) {
                return Optional.ofNullable(best.id());
            }
            Thread.sleep(500);
        }
    }

    /** A candidate who shows the most: several jobs, several orders, one of them completed with a score. */
    static Showcase findShowcaseCandidate(UiContext ctx) {
        Showcase best = new Showcase(null, -1);
        // Those whose latest order is completed first: the cache filters them in the database.
        for (CandidateFilter filter : List.of(new CandidateFilter("", OrderStatus.Kind.COMPLETED), CandidateFilter.ALL)) {
            int total = ctx.candidates().count(filter);
            for (int offset = 0; offset < Math.min(total, 2000); offset += 200) {
                for (CandidateRow row : ctx.candidates().page(filter, offset, 200)) {
                    if (row.latestOrderStatus() == null) {
                        continue;
                    }
                    Optional<Candidate> c = ctx.candidates().candidate(row.id());
                    if (c.isEmpty() || c.get().applications().isEmpty()) {
                        continue;
                    }
                    List<AssessmentOrder> orders = ctx.candidates().orders(row.id());
                    boolean completed = orders.stream().anyMatch(o -> o.status().kind() == OrderStatus.Kind.COMPLETED
                            && o.score() != null && o.score().normalised().isPresent());
                    int score = Math.min(c.get().applications().size(), 3) * 10 + Math.min(orders.size(), 4) * 3
                            + (completed ? 50 : 0);
                    if (score > best.score()) {
                        best = new Showcase(row.id(), score);
                    }
                    if (score >= Showcase.GOOD) {
                        return best;
                    }
                }
            }
        }
        return best;
    }

    record Showcase(String id, int score) {
        /** Two jobs, two orders, one completed with a score: enough to show every part of the profile. */
        static final int GOOD = 2 * 10 + 2 * 3 + 50;
    }

    static Path snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        log.info("Wrote {}", file.getFileName());
        return file;
    }

    /** Lets a few pulses pass so that cells, CSS and late page loads are on screen. */
    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            Thread.sleep(50);
        }
    }

    private static void waitFor(String what, long deadlineMs, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean onFxQuiet(Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get(STEP_DEADLINE_MS, TimeUnit.MILLISECONDS);
    }
}
