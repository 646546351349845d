package dev.recruitdesk.ui.shell;

import atlantafx.base.theme.Styles;
import dev.recruitdesk.ui.common.Messages;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The frame around every screen: header (with the demo badge), left navigation, content area, status bar. */
public final class ShellView extends BorderPane {

    public enum Screen { PEOPLE, PROCESS, SETTINGS }

    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final ToggleButton people;
    private final ToggleButton settings;
    private final VBox navList;
    private ToggleButton process;
    private HBox statusBar;
    private Runnable onQueuedClicked;

    public ShellView(StatusBarViewModel status, boolean demoMode, Runnable showPeople, Runnable showSettings) {
        getStyleClass().add("shell");
        people = navButton(Messages.get("nav.people"), new FontIcon(MaterialDesignA.ACCOUNT_GROUP_OUTLINE), "Ctrl+1", showPeople);
        people.setId("nav-people");
        settings = navButton(Messages.get("nav.settings"), new FontIcon(MaterialDesignC.COG_OUTLINE), "Ctrl+2", showSettings);
        settings.setId("nav-settings");
        // Room for "Hiring process" and others: the navigation is a plain list of toggles.
        VBox left = new VBox(4, people, settings);
        navList = left;
        left.getStyleClass().add("nav");
        left.setPadding(new Insets(12, 8, 12, 8));
        left.setPrefWidth(210);
        left.setMinWidth(Region.USE_PREF_SIZE);
        setLeft(left);
        setTop(header(demoMode, showSettings));
        content.getStyleClass().add("content");
        setCenter(content);
        setBottom(statusBar(status));
    }

    /** A bar under the header (e.g. "N writes queued while offline: Review…"); it shows when the node is visible. */
    public void addBanner(Node banner) {
        Node header = getTop();
        VBox top = header instanceof VBox v && "shell-top".equals(v.getId()) ? v : new VBox(header);
        top.setId("shell-top");
        top.getChildren().add(banner);
        setTop(top);
    }

    /** Makes the status bar's queued-writes count open {@code action} (the review dialog). */
    public void onQueuedClicked(Runnable action) {
        onQueuedClicked = action;
        Node queued = lookup("#status-queued");
        if (queued != null) {
            clickOpens((Label) queued, action);
        }
    }

    private static void clickOpens(Label queued, Runnable action) {
        queued.setCursor(javafx.scene.Cursor.HAND);
        queued.setOnMouseClicked(e -> action.run());
        queued.setTooltip(new Tooltip("Show the writes waiting to be sent"));
    }

    public void setContent(Node node) {
        content.getChildren().setAll(node);
    }

    public Node content() {
        return content.getChildren().isEmpty() ? null : content.getChildren().get(0);
    }

    public void select(Screen screen) {
        ToggleButton b = switch (screen) {
            case PEOPLE -> people;
            case PROCESS -> process != null ? process : people;
            case SETTINGS -> settings;
        };
        b.setSelected(true);
    }

    /** Adds the "Hiring process" entry (only when the app has the services for it). */
    public void enableProcess(Runnable showProcess) {
        if (process != null) {
            return;
        }
        process = navButton(Messages.get("nav.process"), new FontIcon(MaterialDesignS.SITEMAP_OUTLINE), "Ctrl+3",
                showProcess);
        process.setId("nav-process");
        navList.getChildren().add(navList.getChildren().indexOf(people) + 1, process);
    }

    private ToggleButton navButton(String text, FontIcon icon, String shortcut, Runnable action) {
        ToggleButton b = new ToggleButton(text, icon);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().addAll("nav-item", Styles.FLAT);
        b.setTooltip(new Tooltip(text + " (" + shortcut + ")"));
        b.setOnAction(e -> {
            b.setSelected(true); // a nav item stays selected when clicked again
            action.run();
        });
        return b;
    }

    private Node header(boolean demoMode, Runnable showSettings) {
        Label app = new Label(Messages.get("app.name"), new FontIcon(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE));
        app.getStyleClass().add("app-name");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, app, grow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("header");
        if (demoMode) {
            Label badge = new Label(Messages.get("header.demoBadge"), new FontIcon(MaterialDesignF.FLASK_OUTLINE));
            badge.setId("demo-badge");
            badge.getStyleClass().add("demo-badge");
            badge.setAccessibleText(Messages.get("header.demoBadge"));
            Hyperlink connect = new Hyperlink(Messages.get("header.connect"));
            connect.setId("connect-account");
            connect.setOnAction(e -> showSettings.run());
            // Keep the link off the window's right edge (the header's own padding alone read as touching it).
            HBox.setMargin(connect, new javafx.geometry.Insets(0, 8, 0, 0));
            bar.getChildren().addAll(badge, connect);
        }
        return bar;
    }

    private Node statusBar(StatusBarViewModel vm) {
        Label synced = new Label();
        synced.setId("status-synced");
        synced.textProperty().bind(vm.syncedTextProperty());
        Tooltip exact = new Tooltip();
        exact.textProperty().bind(vm.syncedExactProperty());
        synced.setTooltip(exact);

        Label online = new Label();
        online.setId("status-online");
        online.textProperty().bind(vm.onlineTextProperty());
        vm.onlineProperty().addListener((o, a, b) -> styleOnline(online, b));
        styleOnline(online, vm.onlineProperty().get());
        Tooltip err = new Tooltip();
        err.textProperty().bind(vm.errorTextProperty());
        online.setTooltip(err);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox status = new HBox(12, online, new Separator(javafx.geometry.Orientation.VERTICAL), synced, grow);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-bar");
        status.setId("status-bar");
        statusBar = status;
        place(online, 0);
        place(status.getChildren().get(1), 1);
        place(synced, 2);
        place(grow, 5);
        addWhenShown(vm.runningProperty(), 3, () -> running(vm));
        addWhenShown(vm.noticeTextProperty().isNotEmpty(), 4, () -> notice(vm));
        addWhenShown(vm.queuedTextProperty().isNotEmpty(), 6, () -> queued(vm));
        return status;
    }

    /*
     * The status bar's parts that start hidden (a sync's progress, a notice, queued writes, late orders) are built
     * the first time they show, in their place: built with the window, their controls' skins and styles were part of
     * every cold start's first CSS pass, for nothing on screen (bench, 100,000 cached: ~70 ms of ~1.2 s).
     */
    private static final String ORDER = "status-bar-order";
    private final java.util.List<javafx.beans.value.ObservableBooleanValue> waiting = new java.util.ArrayList<>();

    private static void place(Node node, int order) {
        node.getProperties().put(ORDER, order);
    }

    private final java.util.List<Runnable> unbuilt = new java.util.ArrayList<>();

    /**
     * Builds the parts still waiting to show (hidden, in their place). Called after the window's first paint: built
     * later, when a sync starts, they fell into the pulse that shows its first rows, the longest of a first sync
     * (bench, smoothness: 140-174 ms against 98-108 with them built at start).
     */
    public void buildHiddenParts() {
        for (Runnable r : List.copyOf(unbuilt)) {
            r.run();
        }
    }

    /** Adds the node {@code make} builds at the status bar's position {@code order} once {@code shown} is true. */
    private void addWhenShown(javafx.beans.value.ObservableBooleanValue shown, int order,
                              java.util.function.Supplier<Node> make) {
        boolean[] built = new boolean[1];
        Runnable add = () -> {
            if (built[0]) {
                return;
            }
            built[0] = true;
            Node node = make.get();
            place(node, order);
            int at = 0;
            for (Node n : statusBar.getChildren()) {
                if ((int) n.getProperties().getOrDefault(ORDER, Integer.MAX_VALUE) > order) {
                    break;
                }
                at++;
            }
            statusBar.getChildren().add(at, node);
        };
        if (shown.get()) {
            add.run();
            return;
        }
        // held here: a binding such as count > 0 is only weakly held by what it observes, and once collected its
        // listener would never run
        waiting.add(shown);
        javafx.beans.value.ChangeListener<Boolean> whenShown = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    shown.removeListener(this);
                    waiting.remove(shown);
                    add.run();
                }
            }
        };
        shown.addListener(whenShown);
        unbuilt.add(new Runnable() {
            @Override
            public void run() {
                unbuilt.remove(this);
                shown.removeListener(whenShown);
                waiting.remove(shown);
                add.run();
            }
        });
    }

    private static Node running(StatusBarViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.progressProperty());
        Label progress = new Label();
        progress.setId("status-progress");
        progress.textProperty().bind(vm.progressTextProperty());
        HBox running = new HBox(8, new FontIcon(MaterialDesignS.SYNC), bar, progress);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.runningProperty());
        running.managedProperty().bind(vm.runningProperty());
        return running;
    }

    private Node queued(StatusBarViewModel vm) {
        Label queued = new Label();
        queued.setId("status-queued");
        queued.setGraphic(new FontIcon(MaterialDesignT.TRAY_FULL));
        queued.textProperty().bind(vm.queuedTextProperty());
        queued.visibleProperty().bind(vm.queuedTextProperty().isNotEmpty());
        queued.managedProperty().bind(queued.visibleProperty());
        if (onQueuedClicked != null) {
            clickOpens(queued, onQueuedClicked);
        }
        return queued;
    }

    /** A one-time message (the cache was rebuilt), in warning colours, until the recruiter dismisses it. */
    private static Node notice(StatusBarViewModel vm) {
        Label text = new Label();
        text.setId("status-notice");
        text.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        text.getStyleClass().add(Styles.WARNING);
        text.textProperty().bind(vm.noticeTextProperty());
        text.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.noticeTextProperty());
        full.setWrapText(true);
        full.setMaxWidth(520);
        text.setTooltip(full);
        Hyperlink dismiss = new Hyperlink(Messages.get("status.noticeDismiss"));
        dismiss.setId("status-notice-dismiss");
        dismiss.setOnAction(e -> vm.dismissNotice());
        HBox box = new HBox(4, text, dismiss);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(0);
        HBox.setHgrow(box, Priority.SOMETIMES);
        box.visibleProperty().bind(vm.noticeTextProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Adds an item at the right end of the status bar (e.g. the late-orders count) the first time it is to show. */
    public void addStatusItemWhenShown(javafx.beans.value.ObservableBooleanValue shown,
                                       java.util.function.Supplier<Node> make) {
        addWhenShown(shown, 7, make);
    }

    private static void styleOnline(Label label, boolean online) {
        label.setGraphic(new FontIcon(online ? MaterialDesignC.CLOUD_CHECK_OUTLINE : MaterialDesignC.CLOUD_OFF_OUTLINE));
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        label.getStyleClass().add(online ? Styles.SUCCESS : Styles.WARNING);
    }
}
