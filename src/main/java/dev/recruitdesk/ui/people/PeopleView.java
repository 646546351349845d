package dev.recruitdesk.ui.people;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.StateView;
import dev.recruitdesk.ui.common.StatusChip;
import dev.recruitdesk.ui.common.Words;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.function.Consumer;
import java.util.function.Function;

/** The People screen: search, status filter, the lazily paged table and its loading/empty/error states. */
public final class PeopleView extends BorderPane {

    private static final javafx.css.PseudoClass PLACEHOLDER_CELL = javafx.css.PseudoClass.getPseudoClass("placeholder");

    private final PeopleViewModel vm;
    private final CustomTextField search = new CustomTextField();
    private final ComboBox<StatusOption> status = new ComboBox<>();
    private final TableView<CandidateRow> table = new TableView<>();
    private HBox actionBar;
    private final StackPane body = new StackPane();
    private final Consumer<String> openProfile;
    private final Runnable editSettings;
    private String selectedId;
    private java.util.List<String> selectedMany = java.util.List.of();
    // True while a refresh swaps the rows: the selection it drops was not dropped by the recruiter.
    private boolean replacingRows;

    public PeopleView(PeopleViewModel vm, Consumer<String> openProfile, Runnable editSettings) {
        this.vm = vm;
        this.openProfile = openProfile;
        this.editSettings = editSettings;
        getStyleClass().add("people-view");
        setTop(header());
        setCenter(body);
        buildTable();
        vm.stateProperty().addListener((o, a, b) -> showState());
        vm.setOnBeforeRefresh(() -> replacingRows = true);
        vm.setOnRefreshed(() -> {
            replacingRows = false;
            restoreSelection();
        });
        // The selected row may sit on a page that arrives after the refresh.
        vm.rows().setOnPageLoaded(this::restoreSelection);
        showState();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Puts extra actions (Add candidate, Move) at the end of the search bar. */
    public void addActions(javafx.scene.Node... actions) {
        actionBar.getChildren().addAll(actions);
    }

    /** The selected candidates' ids (several may be selected for a bulk move). */
    public java.util.List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .filter(r -> !PagedCandidateList.isPlaceholder(r)).map(CandidateRow::id).toList();
    }

    public TableView<CandidateRow> table() {
        return table;
    }

    private Node header() {
        Label title = new Label(Messages.get("people.title"));
        title.getStyleClass().add(Styles.TITLE_3);

        search.setId("people-search");
        search.setPromptText(Messages.get("people.searchPrompt"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.setPrefWidth(340);
        search.setAccessibleText(Messages.get("people.searchPrompt"));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        PauseTransition debounce = new PauseTransition(Duration.millis(150));
        debounce.setOnFinished(e -> vm.applyFilter());
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });

        status.setId("people-status-filter");
        status.getItems().setAll(StatusOption.values());
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        status.valueProperty().addListener((o, a, b) -> vm.applyFilter());
        status.setAccessibleText(Messages.get("people.filterLabel"));

        Label count = new Label();
        count.setId("people-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.countTextProperty());
        // While the first sync runs, "No candidates" would be wrong: the progress view says what is happening.
        count.visibleProperty().bind(vm.stateProperty().isNotEqualTo(PeopleViewModel.State.FIRST_SYNC)
                .and(vm.stateProperty().isNotEqualTo(PeopleViewModel.State.LOADING)));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label filterLabel = new Label(Messages.get("people.filterLabel"));
        filterLabel.setLabelFor(status);
        HBox bar = new HBox(10, search, filterLabel, status, grow, count);
        actionBar = bar;
        bar.setAlignment(Pos.CENTER_LEFT);
        Label offline = new Label();
        offline.setId("people-offline");
        offline.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOUD_OFF_OUTLINE));
        offline.getStyleClass().add("warning-box");
        offline.setMaxWidth(Double.MAX_VALUE);
        offline.textProperty().bind(vm.offlineTextProperty());
        offline.managedProperty().bind(vm.offlineTextProperty().isNotEmpty());
        offline.visibleProperty().bind(offline.managedProperty());
        VBox top = new VBox(12, title, offline, bar);
        top.setPadding(new Insets(20, 24, 12, 24));
        return top;
    }

    private void buildTable() {
        table.setId("people-table");
        table.setItems(vm.rows());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE); // a bulk move takes several
        table.setFixedCellSize(36);
        table.getColumns().add(textColumn("people.col.name", CandidateRow::name, 220));
        table.getColumns().add(textColumn("people.col.email", CandidateRow::email, 240));
        table.getColumns().add(textColumn("people.col.jobs", CandidateRow::jobs, 240));
        table.getColumns().add(textColumn("people.col.appStatus", r -> Words.humanize(r.applicationStatus()), 150));
        TableColumn<CandidateRow, CandidateRow> latest = new TableColumn<>(Messages.get("people.col.latest"));
        latest.setPrefWidth(160);
        latest.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        latest.setCellFactory(c -> new TableCell<>() {
            private final StatusChip chip = new StatusChip();

            @Override
            protected void updateItem(CandidateRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || PagedCandidateList.isPlaceholder(row) || row.latestOrderStatus() == null) {
                    setGraphic(null);
                } else {
                    OrderStatus s = row.latestOrderStatus();
                    chip.setStatus(s);
                    setGraphic(chip);
                }
            }
        });
        latest.setSortable(false);
        table.getColumns().add(latest);
        table.setRowFactory(t -> {
            TableRow<CandidateRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !PagedCandidateList.isPlaceholder(b)) {
                selectedId = b.id();
            }
        });
        // A refresh replaces the rows and with them the selection: a multi-selection (for a bulk move) is kept too.
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<CandidateRow>) c -> {
            java.util.List<String> ids = selectedIds();
            if (!ids.isEmpty() && !replacingRows) {
                selectedMany = ids;
            }
        });
        Label placeholder = new Label("");
        table.setPlaceholder(placeholder);
    }

    private TableColumn<CandidateRow, String> textColumn(String key, Function<CandidateRow, String> value, double width) {
        TableColumn<CandidateRow, String> col = new TableColumn<>(Messages.get(key));
        col.setPrefWidth(width);
        col.setSortable(false); // the cache orders by name; sorting 100,000 rows here would defeat paging
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                PagedCandidateList.isPlaceholder(c.getValue()) ? null : value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean placeholder = !empty && text == null
                        && PagedCandidateList.isPlaceholder(getTableRow() == null ? null : getTableRow().getItem());
                // A pseudo-class, not a style class: changing a style class re-applies all CSS to the cell, on
                // every row that scrolls past a page still loading.
                pseudoClassStateChanged(PLACEHOLDER_CELL, placeholder);
                setText(empty ? null : placeholder ? "…" : text);
            }
        });
        return col;
    }

    private void open(CandidateRow row) {
        if (row != null && !PagedCandidateList.isPlaceholder(row)) {
            openProfile.accept(row.id());
        }
    }

    private void restoreSelection() {
        if (selectedId == null) {
            return;
        }
        CandidateRow current = table.getSelectionModel().getSelectedItem();
        boolean many = selectedMany.size() > 1 && selectedMany.contains(selectedId);
        if (!many && current != null && selectedId.equals(current.id())) {
            return;
        }
        if (many) {
            java.util.List<String> keep = selectedMany;
            if (table.getSelectionModel().getSelectedItems().size() == keep.size()) {
                return;
            }
            java.util.List<Integer> rows = keep.stream().map(id -> vm.rows().indexOfLoaded(id)).filter(i -> i >= 0).toList();
            if (!rows.isEmpty()) {
                table.getSelectionModel().clearSelection();
                rows.forEach(i -> table.getSelectionModel().select(i.intValue()));
                return;
            }
        }
        int i = vm.rows().indexOfLoaded(selectedId);
        if (i >= 0) {
            table.getSelectionModel().clearAndSelect(i);
        }
    }

    /*
     * The table stays in the scene in every state, hidden under the state's view: its skin, header and column
     * cells are built once, with the window, instead of in the pulse that shows the first rows of a sync (the longest
     * pause of the bench's smoothness run, ~190 ms) or each time a search finds something again after "no match".
     */
    private void showState() {
        PeopleViewModel.State state = vm.stateProperty().get();
        Node over = switch (state) {
            case ROWS -> null;
            case LOADING -> StateView.loading(Messages.get("people.loading"));
            case FIRST_SYNC -> firstSyncView();
            case EMPTY_CACHE -> StateView.message(MaterialDesignA.ACCOUNT_GROUP_OUTLINE, Messages.get("people.emptyCache"),
                    vm.emptyCacheDetail(), retryButton(), settingsButton());
            case NO_MATCH -> noMatchView();
            case ERROR -> errorView();
        };
        if (state == PeopleViewModel.State.FIRST_SYNC) {
            primeCells();
        }
        table.setVisible(over == null);
        if (body.getChildren().isEmpty()) {
            body.getChildren().add(table);
        }
        if (body.getChildren().size() > 1) {
            body.getChildren().remove(1, body.getChildren().size());
        }
        if (over != null) {
            body.getChildren().add(over);
        }
    }

    /*
     * A first sync into an empty cache shows its progress over the hidden, empty table, and the pulse that then showed
     * the first rows had to make every row and cell on screen (skins, CSS): still the longest pause of the bench's
     * smoothness run (~100 ms). So while that progress shows, the hidden table lays out a screenful of blank rows
     * once; the real rows then reuse those cells.
     */
    private static final int PRIMED_ROWS = 40;
    private boolean cellsPrimed;

    private void primeCells() {
        javafx.scene.Scene scene = getScene();
        if (cellsPrimed || scene == null || !vm.rows().isEmpty()) {
            return;
        }
        cellsPrimed = true;
        table.setItems(javafx.collections.FXCollections.observableArrayList(
                java.util.Collections.nCopies(PRIMED_ROWS, PagedCandidateList.placeholder())));
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                table.setItems(vm.rows());
            }
        });
    }

    private Node firstSyncView() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.syncProgressProperty());
        Label detail = new Label();
        detail.setId("people-sync-progress");
        detail.textProperty().bind(vm.syncProgressTextProperty());
        return StateView.progress(Messages.get("people.firstSync"), bar, detail);
    }

    private Node noMatchView() {
        Button clear = new Button(Messages.get("people.clearSearch"));
        clear.setId("people-clear-search");
        clear.setOnAction(e -> {
            vm.clearSearch();
            search.requestFocus();
        });
        StateView v = StateView.message(MaterialDesignA.ACCOUNT_SEARCH, vm.noMatchTextProperty().get(),
                Messages.get("people.noMatchDetail"), clear);
        v.setId("people-no-match");
        return v;
    }

    private Node errorView() {
        Button retry = new Button(Messages.get("common.retry"));
        retry.setDefaultButton(true);
        retry.setOnAction(e -> vm.applyFilter());
        return vm.errorIsSettingsProperty().get()
                ? StateView.message(MaterialDesignA.ALERT_CIRCLE, Messages.get("people.error"), vm.errorTextProperty().get(), retry, settingsButton())
                : StateView.message(MaterialDesignA.ALERT_CIRCLE, Messages.get("people.error"), vm.errorTextProperty().get(), retry);
    }

    private Button retryButton() {
        Button b = new Button(Messages.get("common.retry"));
        b.setOnAction(e -> vm.applyFilter());
        return b;
    }

    private Button settingsButton() {
        Button b = new Button(Messages.get("common.editSettings"));
        b.setOnAction(e -> editSettings.run());
        return b;
    }
}
