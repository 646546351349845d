package dev.recruitdesk.ui;

import atlantafx.base.theme.PrimerLight;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.ui.common.LinkOpener;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.order.OrderDialog;
import dev.recruitdesk.ui.outbox.OutboxReviewDialog;
import dev.recruitdesk.ui.outbox.OutboxReviewViewModel;
import dev.recruitdesk.ui.order.OrderViewModel;
import dev.recruitdesk.ui.people.PeopleView;
import dev.recruitdesk.ui.people.PeopleViewModel;
import dev.recruitdesk.ui.profile.ProfileView;
import dev.recruitdesk.ui.profile.ProfileViewModel;
import dev.recruitdesk.ui.results.ResultsViewModel;
import dev.recruitdesk.ui.settings.SettingsView;
import dev.recruitdesk.ui.settings.SettingsViewModel;
import dev.recruitdesk.ui.shell.ShellView;
import dev.recruitdesk.ui.shell.StatusBarViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * The main window: the shell with its screens, wired to the services in {@link UiContext}. The app's wiring starts
 * the SyncService; this window only listens to it and to the ChangeFeed.
 */
public final class MainWindow {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    private final UiContext ctx;
    private final LinkOpener linkOpener;
    private final DialogService dialogs;
    private final StatusBarViewModel statusVm;
    private final dev.recruitdesk.ui.results.AttentionViewModel attentionVm;
    private final PeopleViewModel peopleVm;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private Stage stage;
    private ShellView shell;
    private PeopleView peopleView;
    private SettingsViewModel settingsVm;
    private ProfileView profileView;
    private OrderDialog orderDialog;
    private dev.recruitdesk.ui.process.ProcessView processView;
    private dev.recruitdesk.ui.process.MoveDialog moveDialog;
    private dev.recruitdesk.ui.process.AddCandidateDialog addCandidateDialog;
    private boolean peopleLoaded;
    private OutboxReviewViewModel outboxVm;
    private OutboxReviewDialog outboxDialog;

    public MainWindow(UiContext ctx) {
        this(ctx, LinkOpener.desktop());
    }

    /** For tests and platforms where links open differently. */
    public MainWindow(UiContext ctx, LinkOpener linkOpener) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.linkOpener = linkOpener;
        this.dialogs = new DialogService(() -> stage);
        this.statusVm = new StatusBarViewModel(ctx.tasks());
        this.peopleVm = new PeopleViewModel(ctx.candidates(), ctx.tasks());
        this.attentionVm = new dev.recruitdesk.ui.results.AttentionViewModel(ctx.candidates(), ctx.tasks());
    }

    /** The app's stylesheet, added to every scene (main window and dialogs). */
    public static String stylesheet() {
        return Objects.requireNonNull(MainWindow.class.getResource("app.css"), "app.css").toExternalForm();
    }

    private static boolean themeApplied;

    /**
     * Sets the app's theme (once; FX thread). The app calls it early, while its session still opens and the FX thread
     * would otherwise wait: loading the theme is ~60 ms of a cold start.
     */
    public static void applyTheme() {
        if (!themeApplied) {
            themeApplied = true;
            // The theme's precompiled (binary) form: parsing its 170 kB of CSS took about a second of every cold start.
            // Set once: setting the same sheet again makes JavaFX read it back to compare checksums.
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        }
    }

    public void show(Stage stage) {
        this.stage = stage;
        applyTheme();
        if (stage.getIcons().isEmpty()) {
            for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
                var url = MainWindow.class.getResource("/dev/recruitdesk/icons/icon-" + size + ".png");
                if (url != null) {
                    // decoded on JavaFX's image loader thread: six PNGs took 16-39 ms of the FX thread at start-up
                    stage.getIcons().add(new javafx.scene.image.Image(url.toExternalForm(), true));
                }
            }
        }
        shell = new ShellView(statusVm, ctx.demoMode(), this::showPeople, this::showSettings);
        peopleView = new PeopleView(peopleVm, this::openProfile, this::showSettings);
        Scene scene = new Scene(shell, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            showPeople();
            peopleView.focusSearch();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> {
            if (profileView != null) {
                profileView.orderForFocusedSection();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), this::showPeople);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), this::showSettings);
        if (ctx.process() != null) {
            wireProcessActions(scene);
        }
        if (ctx.writes() != null) {
            wireOutboxReview();
        }
        stage.setScene(scene);
        stage.setTitle(ctx.demoMode() ? Messages.get("app.titleDemo") : Messages.get("app.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        WindowMemory.restore(stage);
        stage.setOnHidden(e -> close());

        shell.addStatusItemWhenShown(attentionVm.countProperty().greaterThan(0),
                () -> new dev.recruitdesk.ui.results.AttentionButton(attentionVm, this::openProfile));
        subscriptions.add(ctx.changes().subscribe(event -> {
            peopleVm.onChange(event);
            attentionVm.onChange(event);
            ctx.tasks().runOnUi(() -> {
                if (profileView != null) {
                    profileView.viewModel().onChange(event);
                }
            });
        }));
        ctx.sync().addStatusListener(s -> {
            statusVm.onStatus(s);
            if (outboxVm != null) {
                ctx.tasks().runOnUi(() -> outboxVm.setOnline(s.online()));
            }
            peopleVm.onSyncStatus(s);
            ctx.tasks().runOnUi(() -> {
                if (settingsVm != null) {
                    settingsVm.refreshHealth();
                }
            });
        });
        statusVm.apply(ctx.sync().status());
        statusVm.showNotice(ctx.sync().notice());
        peopleVm.onSyncStatus(ctx.sync().status());
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(20), e -> statusVm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        subscriptions.add(clock::stop);
        Timeline attentionClock = new Timeline(new KeyFrame(Duration.seconds(10), e -> attentionVm.tick()));
        attentionClock.setCycleCount(Timeline.INDEFINITE);
        attentionClock.play();
        subscriptions.add(attentionClock::stop);

        showPeople();
        stage.show();
        // hidden until needed, but not built in the pulse that first needs them (see ShellView.buildHiddenParts)
        afterPeopleShown(shell::buildHiddenParts);
    }

    /** The late-orders count and list in the status bar. */
    public dev.recruitdesk.ui.results.AttentionViewModel attentionViewModel() {
        return attentionVm;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * The outbox review: a banner "N writes queued while offline: Review…" once the connection is back, and the
     * status bar's queued count, both open the dialog. Writes queued while offline wait there for confirmation.
     */
    private void wireOutboxReview() {
        outboxVm = new OutboxReviewViewModel(ctx.writes(), ctx.tasks());
        javafx.scene.control.Label text = new javafx.scene.control.Label();
        text.setId("outbox-banner-text");
        text.textProperty().bind(outboxVm.bannerTextProperty());
        javafx.scene.control.Hyperlink review = new javafx.scene.control.Hyperlink("Review…");
        review.setId("outbox-review");
        review.setOnAction(e -> openOutboxReview());
        javafx.scene.layout.HBox banner = new javafx.scene.layout.HBox(6,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignT.TRAY_FULL),
                text, review);
        banner.setId("outbox-banner");
        banner.getStyleClass().add("outbox-banner");
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.setStyle("-fx-padding: 6 16 6 16; -fx-background-color: -color-warning-subtle;");
        banner.visibleProperty().bind(outboxVm.bannerVisible());
        banner.managedProperty().bind(banner.visibleProperty());
        shell.addBanner(banner);
        shell.onQueuedClicked(this::openOutboxReview);
        subscriptions.add(ctx.writes().subscribe(outboxVm::onQueueChanged));
        outboxVm.setOnline(ctx.sync().status().online());
        outboxVm.refreshCount();
    }

    /** Opens the review of queued writes (owned by this window). */
    public OutboxReviewDialog openOutboxReview() {
        if (outboxVm == null) {
            return null;
        }
        if (outboxDialog != null && outboxDialog.stage().isShowing()) {
            outboxDialog.stage().toFront();
            return outboxDialog;
        }
        outboxDialog = new OutboxReviewDialog(dialogs, outboxVm);
        outboxDialog.show();
        return outboxDialog;
    }

    public OutboxReviewDialog outboxDialog() {
        return outboxDialog;
    }

    /**
     * Runs {@code r} once on the FX thread, after the pulse that lays out People's first answer (rows, an empty
     * list or an error): the app starts its background work there, so it does not delay the first paint.
     */
    public void afterPeopleShown(Runnable r) {
        peopleVm.whenFirstRefreshed(() -> {
            Scene scene = stage.getScene();
            Runnable once = new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    // after this pulse's layout, not inside it
                    javafx.application.Platform.runLater(r);
                }
            };
            scene.addPostLayoutPulseListener(once);
            javafx.application.Platform.requestNextPulse();
        });
    }

    public void showPeople() {
        shell.select(ShellView.Screen.PEOPLE);
        shell.setContent(peopleView);
        profileView = null;
        if (!peopleLoaded) {
            peopleLoaded = true;
            peopleVm.applyFilter();
        }
    }

    /** The "Hiring process" entry, the People actions (+, Move…) and résumés dropped on the window. */
    private void wireProcessActions(Scene scene) {
        shell.enableProcess(this::showProcess);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), this::showProcess);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> openAddCandidate(null));
        javafx.scene.control.Button add = new javafx.scene.control.Button("Add candidate",
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PLUS));
        add.setId("people-add");
        add.setTooltip(new javafx.scene.control.Tooltip("Add a candidate by form or résumé (Ctrl+N)"));
        add.setOnAction(e -> openAddCandidate(null));
        javafx.scene.control.Button move = new javafx.scene.control.Button("Move…");
        move.setId("people-move");
        move.setTooltip(new javafx.scene.control.Tooltip("Move the selected candidates into a step"));
        move.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(
                peopleView.table().getSelectionModel().getSelectedItems()));
        move.setOnAction(e -> openMoveDialog(peopleView.selectedIds()));
        peopleView.addActions(move, add);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                openAddCandidate(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    public void showProcess() {
        if (ctx.process() == null) {
            return;
        }
        shell.select(ShellView.Screen.PROCESS);
        var vm = new dev.recruitdesk.ui.process.ProcessViewModel(ctx.process().processes(), ctx.tasks());
        processView = new dev.recruitdesk.ui.process.ProcessView(vm);
        shell.setContent(processView);
        profileView = null;
        vm.load();
    }

    /** Moves the candidates' primary applications (People's selection). */
    dev.recruitdesk.ui.process.MoveDialog openMoveDialog(List<String> candidateIds) {
        var vm = dev.recruitdesk.ui.process.MoveViewModel.forCandidates(ctx.process().processes(),
                ctx.process().moves(), ctx.candidates(), ctx.tasks(), candidateIds);
        moveDialog = new dev.recruitdesk.ui.process.MoveDialog(dialogs, vm);
        moveDialog.show();
        return moveDialog;
    }

    private void openMoveDialog(ProfileViewModel profile, ApplicationRef app) {
        Candidate c = profile.candidateProperty().get();
        String name = (c == null ? app.candidateId() : c.displayName())
                + (app.jobTitle() == null ? "" : " · " + app.jobTitle());
        var vm = dev.recruitdesk.ui.process.MoveViewModel.forApplications(ctx.process().processes(),
                ctx.process().moves(), ctx.candidates(), ctx.tasks(),
                List.of(new dev.recruitdesk.service.MoveService.MoveRequest(app.candidateId(), app.jobId(), name)));
        moveDialog = new dev.recruitdesk.ui.process.MoveDialog(dialogs, vm);
        moveDialog.stage().setOnHidden(e -> profile.load());
        moveDialog.show();
    }

    /** The Add Candidate dialog; with a file, on its résumé tab. */
    dev.recruitdesk.ui.process.AddCandidateDialog openAddCandidate(java.nio.file.Path resume) {
        if (ctx.process() == null) {
            return null;
        }
        var vm = new dev.recruitdesk.ui.process.AddCandidateViewModel(ctx.process().adds(), ctx.candidates(),
                ctx.tasks());
        addCandidateDialog = new dev.recruitdesk.ui.process.AddCandidateDialog(dialogs, vm, this::openProfile);
        if (resume != null) {
            addCandidateDialog.showWithResume(resume);
        } else {
            addCandidateDialog.show();
        }
        return addCandidateDialog;
    }

    public void showSettings() {
        shell.select(ShellView.Screen.SETTINGS);
        settingsVm = new SettingsViewModel(ctx.account(), ctx.tasks(), ctx.sync()::status);
        Runnable afterLeave = ctx.onLeaveDemo();
        shell.setContent(new SettingsView(settingsVm, afterLeave));
        profileView = null;
        settingsVm.load();
    }

    public void openProfile(String candidateId) {
        shell.select(ShellView.Screen.PEOPLE);
        ProfileViewModel vm = new ProfileViewModel(candidateId, ctx.candidates(), ctx.profiles(), ctx.tasks(), ctx.sync()::status);
        profileView = new ProfileView(vm, this::backToPeople, app -> openOrderDialog(vm, app),
                order -> new ResultsViewModel(order, ctx.orders(), ctx.tasks(), linkOpener), dialogs);
        if (ctx.process() != null) {
            profileView.setMoveAction(app -> openMoveDialog(vm, app));
        }
        shell.setContent(profileView);
        vm.load();
        profileView.requestFocus();
    }

    private void backToPeople() {
        showPeople();
        peopleView.table().requestFocus();
    }

    OrderDialog openOrderDialog(ProfileViewModel profile, ApplicationRef application) {
        Candidate c = profile.candidateProperty().get();
        String name = c == null ? "" : c.displayName();
        OrderViewModel vm = new OrderViewModel(ctx.orders(), ctx.tasks(), application, name);
        orderDialog = new OrderDialog(dialogs, vm, (AssessmentOrder order) -> profile.addQueued(order), this::showSettings);
        orderDialog.show();
        return orderDialog;
    }

    // ---- for the screenshot tour and UI tests in this package

    DialogService dialogs() {
        return dialogs;
    }

    PeopleViewModel peopleViewModel() {
        return peopleVm;
    }

    PeopleView peopleView() {
        return peopleView;
    }

    SettingsViewModel settingsViewModel() {
        return settingsVm;
    }

    ProfileView profileView() {
        return profileView;
    }

    OrderDialog orderDialog() {
        return orderDialog;
    }

    dev.recruitdesk.ui.process.ProcessView processView() {
        return processView;
    }

    dev.recruitdesk.ui.process.MoveDialog moveDialog() {
        return moveDialog;
    }

    dev.recruitdesk.ui.process.AddCandidateDialog addCandidateDialog() {
        return addCandidateDialog;
    }

    ShellView shell() {
        return shell;
    }

    private void close() {
        WindowMemory.save(stage);
        for (AutoCloseable c : subscriptions) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("Closing a subscription failed", e);
            }
        }
        subscriptions.clear();
    }

    /** Remembers size and position between launches (java.util.prefs; off with -Drecruitdesk.ui.rememberWindow=false). */
    static final class WindowMemory {
        private static boolean enabled() {
            return !"false".equals(System.getProperty("recruitdesk.ui.rememberWindow"));
        }

        static void restore(Stage stage) {
            if (!enabled()) {
                return;
            }
            try {
                Preferences p = Preferences.userNodeForPackage(MainWindow.class).node("window");
                double w = p.getDouble("w", -1), h = p.getDouble("h", -1), x = p.getDouble("x", Double.NaN), y = p.getDouble("y", Double.NaN);
                if (w < 600 || h < 400 || Double.isNaN(x) || Double.isNaN(y)) {
                    return;
                }
                // Only where a screen still is: a monitor may have been unplugged since.
                boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                        .anyMatch((Rectangle2D b) -> b.intersects(x, y, Math.min(w, 200), 50));
                if (visible) {
                    stage.setX(x);
                    stage.setY(y);
                    stage.setWidth(w);
                    stage.setHeight(h);
                }
            } catch (Exception e) {
                log.debug("Could not restore the window position", e);
            }
        }

        static void save(Stage stage) {
            if (!enabled() || stage == null || stage.isIconified() || stage.isMaximized()) {
                return;
            }
            try {
                Preferences p = Preferences.userNodeForPackage(MainWindow.class).node("window");
                p.putDouble("x", stage.getX());
                p.putDouble("y", stage.getY());
                p.putDouble("w", stage.getWidth());
                p.putDouble("h", stage.getHeight());
                p.flush();
            } catch (Exception e) {
                log.debug("Could not remember the window position", e);
            }
        }
    }
}
