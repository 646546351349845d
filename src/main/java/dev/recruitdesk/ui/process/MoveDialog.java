package dev.recruitdesk.ui.process;

import dev.recruitdesk.ui.common.TextColumns;
import atlantafx.base.theme.Styles;
import dev.recruitdesk.ui.DialogService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;


/** "Move to a step": chooses the step, moves every row with a progress bar and shows each row's result. */
public final class MoveDialog {

    private final Stage stage;
    private final MoveViewModel vm;

    public MoveDialog(DialogService dialogs, MoveViewModel vm) {
        this.vm = vm;
        ComboBox<MoveViewModel.Target> target = new ComboBox<>(vm.targets());
        target.setId("move-target");
        target.setPromptText("Move to…");
        target.setPrefWidth(380);
        target.setConverter(ProcessView.converter(MoveViewModel.Target::label));
        target.valueProperty().bindBidirectional(vm.targetProperty());

        TableView<MoveViewModel.RowState> table = new TableView<>(vm.rows());
        table.setId("move-rows");
        table.setPrefSize(620, 260);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TextColumns.of("Application", r -> r.row().name(), 260));
        table.getColumns().add(TextColumns.of("Result", MoveViewModel.RowState::result, 160));
        table.getColumns().add(TextColumns.of("Orders caused", MoveViewModel.RowState::orders, 200));

        ProgressBar progress = new ProgressBar();
        progress.setId("move-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label summary = new Label();
        summary.setId("move-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());

        Button move = new Button("Move");
        move.setId("move-start");
        move.getStyleClass().add(Styles.ACCENT);
        move.disableProperty().bind(vm.runningProperty().or(vm.readyProperty().not()).or(vm.targetProperty().isNull()));
        move.setOnAction(e -> vm.start());
        Button retry = new Button("Retry failed");
        retry.setId("move-retry");
        retry.visibleProperty().bind(vm.canRetryProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> vm.retryFailed());
        Button close = new Button("Close");
        close.setId("move-close");
        close.setCancelButton(true);
        close.disableProperty().bind(vm.runningProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, retry, close, move);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, new Label("Move the selected applications into a step. A step with an assessment "
                + "orders it by itself, once per candidate."), target, table, progress, summary, buttons);
        root.setId("move-dialog");
        root.setPadding(new Insets(16));
        VBox.setVgrow(table, Priority.ALWAYS);
        ((Label) root.getChildren().get(0)).setWrapText(true);
        stage = dialogs.modal("Move to a step", root);
        close.setOnAction(e -> stage.close());
    }

    public void show() {
        stage.show();
        vm.load();
    }

    public Stage stage() {
        return stage;
    }

    public MoveViewModel viewModel() {
        return vm;
    }
}
