package dev.recruitdesk.ui.outbox;

import dev.recruitdesk.ui.common.TextColumns;
import atlantafx.base.theme.Styles;
import dev.recruitdesk.ui.DialogService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;


/**
 * "Queued writes": each write not yet in SmartRecruiters (kind, candidate, job and step or package, queued at, state,
 * last error); Send all sends the held and failed ones, Discard selected drops them. Owned by the main window.
 */
public final class OutboxReviewDialog {

    private final Stage stage;
    private final OutboxReviewViewModel vm;
    private final TableView<OutboxReviewViewModel.Row> table;

    public OutboxReviewDialog(DialogService dialogs, OutboxReviewViewModel vm) {
        this.vm = vm;
        table = new TableView<>(vm.rows());
        table.setId("outbox-rows");
        table.setPrefSize(900, 300);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing is waiting to be sent"));
        table.getColumns().add(TextColumns.of("What", OutboxReviewViewModel.Row::kind, 100));
        table.getColumns().add(TextColumns.of("Candidate", OutboxReviewViewModel.Row::candidate, 180));
        table.getColumns().add(TextColumns.of("Job · step or package", OutboxReviewViewModel.Row::target, 220));
        table.getColumns().add(TextColumns.of("Queued at", OutboxReviewViewModel.Row::queuedAt, 130));
        table.getColumns().add(TextColumns.of("State", OutboxReviewViewModel.Row::state, 150));
        table.getColumns().add(TextColumns.of("Last error", OutboxReviewViewModel.Row::lastError, 200));

        Label message = new Label();
        message.setId("outbox-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Button sendAll = new Button("Send all");
        sendAll.setId("outbox-send-all");
        sendAll.getStyleClass().add(Styles.ACCENT);
        sendAll.disableProperty().bind(vm.busyProperty());
        sendAll.setOnAction(e -> vm.sendAll());
        Button discard = new Button("Discard selected");
        discard.setId("outbox-discard");
        discard.getStyleClass().add(Styles.DANGER);
        discard.disableProperty().bind(vm.busyProperty()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        discard.setOnAction(e -> vm.discard(table.getSelectionModel().getSelectedItems().stream()
                .map(OutboxReviewViewModel.Row::key).toList()));
        Button close = new Button("Close");
        close.setId("outbox-close");
        close.setCancelButton(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, discard, grow, close, sendAll);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label intro = new Label("These were asked for while SmartRecruiters could not be reached. Nothing queued "
                + "while offline is sent until you confirm: Send all, or discard what you no longer want.");
        intro.setWrapText(true);
        VBox root = new VBox(10, intro, table, message, buttons);
        root.setId("outbox-dialog");
        root.setPadding(new Insets(16));
        VBox.setVgrow(table, Priority.ALWAYS);
        stage = dialogs.modal("Queued writes", root);
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> vm.closed());
    }

    public void show() {
        vm.load();
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public TableView<OutboxReviewViewModel.Row> table() {
        return table;
    }

    public OutboxReviewViewModel viewModel() {
        return vm;
    }
}
