package dev.recruitdesk.ui.profile;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.ui.DialogService;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.StateView;
import dev.recruitdesk.ui.common.StatusChip;
import dev.recruitdesk.ui.common.TimeFormat;
import dev.recruitdesk.ui.common.Words;
import dev.recruitdesk.ui.results.ResultsPanel;
import dev.recruitdesk.ui.results.OrderStateText;
import dev.recruitdesk.ui.results.ResultsViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** A candidate's profile: contact details and one section per application with its assessments. */
public final class ProfileView extends BorderPane {

    private final ProfileViewModel vm;
    private final Consumer<ApplicationRef> orderAction;
    private final Function<AssessmentOrder, ResultsViewModel> resultsFactory;
    private final DialogService dialogs;
    private final Runnable onBack;
    private final VBox page = new VBox(20);
    private ResultsPanel results;
    private Consumer<ApplicationRef> moveAction;

    public ProfileView(ProfileViewModel vm, Runnable onBack, Consumer<ApplicationRef> orderAction,
                       Function<AssessmentOrder, ResultsViewModel> resultsFactory, DialogService dialogs) {
        this.vm = vm;
        this.onBack = onBack;
        this.orderAction = orderAction;
        this.resultsFactory = resultsFactory;
        this.dialogs = dialogs;
        getStyleClass().add("profile-view");
        setId("profile-view");
        page.setPadding(new Insets(20, 24, 24, 24));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setCenter(scroll);
        vm.stateProperty().addListener((o, a, b) -> rebuild());
        vm.sections().addListener((javafx.collections.ListChangeListener<ApplicationSection>) c -> {
            rebuild();
            refreshResults();
        });
        vm.candidateProperty().addListener((o, a, b) -> rebuild());
        vm.staleTextProperty().addListener((o, a, b) -> rebuild());
        vm.queuedTextProperty().addListener((o, a, b) -> rebuild());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (results != null) {
                    closeResults();
                } else {
                    onBack.run();
                }
                e.consume();
            }
        });
        rebuild();
    }

    /** Ctrl+O: order for the job whose section has the focus, else for the first job. */
    public void orderForFocusedSection() {
        javafx.scene.Node focused = getScene() == null ? null : getScene().getFocusOwner();
        for (javafx.scene.Node n = focused; n != null; n = n.getParent()) {
            if (n.getUserData() instanceof ApplicationRef app) {
                orderAction.accept(app);
                return;
            }
        }
        vm.sections().stream().map(ApplicationSection::application).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(orderAction);
    }

    public ProfileViewModel viewModel() {
        return vm;
    }

    /** Opens the results panel for an order (also used by the screenshot tour). */
    public void showResults(AssessmentOrder order) {
        ResultsViewModel rvm = resultsFactory.apply(order);
        rvm.packageTimesProperty().bind(vm.packageTimesProperty());
        results = new ResultsPanel(rvm, dialogs, this::closeResults);
        results.setPrefWidth(380);
        results.setMinWidth(320);
        setRight(results);
    }

    public ResultsPanel resultsPanel() {
        return results;
    }

    private void closeResults() {
        results = null;
        setRight(null);
    }

    private void refreshResults() {
        if (results != null) {
            ResultsViewModel rvm = results.viewModel();
            vm.find(rvm.orderProperty().get()).ifPresent(rvm.orderProperty()::set);
        }
    }

    private void rebuild() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(topBar());
        switch (vm.stateProperty().get()) {
            case LOADING -> nodes.add(StateView.loading(Messages.get("profile.loading")));
            case NOT_FOUND -> nodes.add(StateView.message(MaterialDesignA.ACCOUNT_SEARCH, Messages.get("profile.notFound"),
                    Messages.get("profile.notFoundDetail"), backButton()));
            case ERROR -> {
                Button retry = new Button(Messages.get("common.retry"));
                retry.setOnAction(e -> vm.load());
                nodes.add(StateView.message(MaterialDesignA.ALERT_CIRCLE, Messages.get("profile.error"),
                        vm.errorTextProperty().get(), retry, backButton()));
            }
            case READY -> {
                if (!vm.staleTextProperty().get().isEmpty()) {
                    nodes.add(staleBanner());
                }
                if (!vm.queuedTextProperty().get().isEmpty()) {
                    Label queued = new Label(vm.queuedTextProperty().get(), new FontIcon(MaterialDesignC.CLOUD_UPLOAD_OUTLINE));
                    queued.setWrapText(true);
                    queued.setId("profile-queued");
                    queued.getStyleClass().add("warning-box");
                    nodes.add(queued);
                }
                nodes.add(contact(vm.candidateProperty().get()));
                for (ApplicationSection s : vm.sections()) {
                    nodes.add(sectionCard(s));
                }
                if (vm.sections().isEmpty()) {
                    nodes.add(StateView.message(MaterialDesignB.BRIEFCASE_OUTLINE, Messages.get("profile.noApplications"), null));
                }
            }
        }
        page.getChildren().setAll(nodes);
    }

    private Node topBar() {
        Button back = backButton();
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(16, 16);
        Label updating = new Label(Messages.get("profile.updating"), spin);
        updating.setId("profile-updating");
        updating.getStyleClass().add(Styles.TEXT_MUTED);
        updating.visibleProperty().bind(vm.updatingProperty());
        HBox bar = new HBox(8, back, grow, updating);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button backButton() {
        Button back = new Button(Messages.get("profile.back"), new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("profile-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> onBack.run());
        return back;
    }

    private Node staleBanner() {
        Label text = new Label(vm.staleTextProperty().get(), new FontIcon(MaterialDesignC.CLOUD_OFF_OUTLINE));
        text.setWrapText(true);
        Hyperlink retry = new Hyperlink(Messages.get("common.retry"));
        retry.setOnAction(e -> vm.refresh());
        HBox box = new HBox(8, text, retry);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("profile-stale");
        box.getStyleClass().add("warning-box");
        return box;
    }

    private Node contact(Candidate c) {
        Label name = new Label(c.displayName());
        name.setId("profile-name");
        name.getStyleClass().add(Styles.TITLE_2);
        name.setWrapText(true);
        HBox details = new HBox(20);
        details.setAlignment(Pos.CENTER_LEFT);
        addDetail(details, MaterialDesignE.EMAIL_OUTLINE, c.email());
        addDetail(details, MaterialDesignP.PHONE, c.phoneNumber());
        String place = String.join(", ", java.util.stream.Stream.of(c.city(), c.country())
                .filter(s -> s != null && !s.isBlank()).toList());
        addDetail(details, MaterialDesignM.MAP_MARKER, place);
        return new VBox(6, name, details);
    }

    private static void addDetail(HBox box, org.kordamp.ikonli.Ikon icon, String text) {
        if (text != null && !text.isBlank()) {
            Label l = new Label(text, new FontIcon(icon));
            l.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(l);
        }
    }

    /** Offers "Move…" on each application; set before the profile loads. */
    public void setMoveAction(Consumer<ApplicationRef> action) {
        this.moveAction = action;
    }

    private Node sectionCard(ApplicationSection s) {
        ApplicationRef app = s.application();
        VBox card = new VBox(12);
        card.getStyleClass().add("application-card");
        card.setUserData(app);
        String title = app == null ? Messages.get("profile.otherOrders")
                : app.jobTitle() == null || app.jobTitle().isBlank() ? app.jobId() : app.jobTitle();
        Label job = new Label(title, new FontIcon(MaterialDesignB.BRIEFCASE_OUTLINE));
        job.getStyleClass().add(Styles.TITLE_4);
        job.setWrapText(true);
        VBox heading = new VBox(4, job);
        heading.setMinWidth(0);
        if (app != null) {
            String status = Words.humanize(app.status());
            if (app.subStatus() != null && !app.subStatus().isBlank()) {
                status = Messages.format("profile.statusStep", status, app.subStatus());
            }
            Label st = new Label(Messages.format("profile.applicationStatus", status));
            st.getStyleClass().add(Styles.TEXT_MUTED);
            heading.getChildren().add(st);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(12, heading, grow);
        head.setAlignment(Pos.TOP_LEFT);
        if (app != null) {
            Button order = new Button(Messages.get("profile.orderAssessments"), new FontIcon(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE));
            order.getStyleClass().add(Styles.ACCENT);
            order.setMnemonicParsing(true);
            order.getStyleClass().add("order-button");
            order.setMinWidth(Region.USE_PREF_SIZE);
            order.setTooltip(new Tooltip(Messages.get("profile.orderShortcut")));
            order.setOnAction(e -> orderAction.accept(app));
            head.getChildren().add(order);
            if (moveAction != null) {
                Button move = new Button("Move…", new FontIcon(MaterialDesignA.ARROW_RIGHT_BOLD_BOX_OUTLINE));
                move.getStyleClass().add("move-button");
                move.setMinWidth(Region.USE_PREF_SIZE);
                move.setOnAction(e -> moveAction.accept(app));
                head.getChildren().add(move);
            }
        }
        Label assessments = new Label(Messages.get("profile.assessments"));
        assessments.getStyleClass().add("section-label");
        card.getChildren().addAll(head, assessments);
        if (s.orders().isEmpty()) {
            Label none = new Label(Messages.get("profile.noOrders"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().add(none);
        } else {
            card.getChildren().add(ordersGrid(s.orders()));
        }
        return card;
    }

    private Node ordersGrid(List<AssessmentOrder> orders) {
        VBox list = new VBox(0);
        list.getStyleClass().add("orders-list");
        GridPane header = row();
        header.addRow(0, colLabel("profile.col.status"), colLabel("profile.col.package"), colLabel("profile.col.partner"),
                colLabel("profile.col.ordered"), colLabel("profile.col.score"));
        header.getStyleClass().add("orders-header");
        list.getChildren().add(header);
        for (AssessmentOrder o : orders) {
            GridPane r = row();
            r.getStyleClass().add("order-row");
            r.setFocusTraversable(true);
            String stuck = vm.stuckText(o);
            String attention = stuck.isEmpty() ? vm.problemText(o) : stuck; // the late flag is what gets chased
            r.setAccessibleText(attention.isEmpty()
                    ? Messages.format("profile.orderAccessible", o.packageName(), OrderStateText.state(o))
                    : Messages.format("profile.orderAccessibleAttention", o.packageName(), OrderStateText.state(o),
                            attention));
            Label ordered = new Label(TimeFormat.relative(o.createdOn()));
            ordered.setTooltip(new Tooltip(TimeFormat.exact(o.createdOn())));
            String score = o.score() == null ? "" : o.score().asGiven();
            r.addRow(0, statusCell(o), cell(o.packageName()), cell(o.partnerName()), ordered, cell(score));
            if (!attention.isEmpty()) {
                r.add(attentionLine(attention, !stuck.isEmpty()), 0, 1, 5, 1);
                r.getStyleClass().add("order-row-attention");
            }
            r.setOnMouseClicked(e -> showResults(o));
            r.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    showResults(o);
                    e.consume();
                }
            });
            list.getChildren().add(r);
        }
        return list;
    }

    /** The status chip with when it last changed beneath it (exact time on hover). */
    private static Node statusCell(AssessmentOrder o) {
        Label changed = new Label(TimeFormat.relative(OrderStateText.lastChanged(o)));
        changed.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "order-changed");
        changed.setTooltip(new Tooltip(OrderStateText.lastChangedText(o) + " · " + OrderStateText.lastChangedExact(o)));
        VBox box = new VBox(2, new StatusChip(o.status()), changed);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A line under the row: waiting longer than usual (clock), or why a send failed or waits (alert). */
    private static Node attentionLine(String text, boolean stuck) {
        Label l = new Label(text, new FontIcon(stuck ? MaterialDesignC.CLOCK_ALERT_OUTLINE : MaterialDesignA.ALERT_CIRCLE));
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll("order-attention", stuck ? "order-stuck" : "order-problem");
        GridPane.setMargin(l, new Insets(6, 0, 0, 0));
        return l;
    }

    private static GridPane row() {
        GridPane g = new GridPane();
        g.setHgap(12);
        // "Ordered" must hold a full date ("Nov 19, 2026") even with the results panel open (QA: it read "Nov 19, 2…").
        double[] percents = {20, 27, 20, 19, 14};
        for (double p : percents) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(p);
            g.getColumnConstraints().add(c);
        }
        g.getColumnConstraints().get(0).setMinWidth(120);
        g.setMinWidth(0);
        return g;
    }

    private static Label colLabel(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }

    private static Label cell(String text) {
        Label l = new Label(text == null ? "" : text);
        l.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        if (text != null && !text.isBlank()) {
            l.setTooltip(new Tooltip(text));
        }
        return l;
    }
}
