package dev.recruitdesk.ui.process;

import atlantafx.base.theme.Styles;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.ui.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/** "Add candidate": a form tab and a résumé tab (file chooser or drag and drop), over one job chooser. */
public final class AddCandidateDialog {

    private final Stage stage;
    private final AddCandidateViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Tab resumeTab;
    private VBox root;

    public AddCandidateDialog(DialogService dialogs, AddCandidateViewModel vm, Consumer<String> openProfile) {
        this.vm = vm;
        ComboBox<Job> job = new ComboBox<>(vm.jobs());
        job.setId("add-job");
        job.setPromptText("Job");
        job.setMaxWidth(Double.MAX_VALUE);
        job.setConverter(ProcessView.converter(Job::title));
        job.valueProperty().bindBidirectional(vm.jobProperty());
        VBox jobBox = new VBox(4, new Label("Job"), job, error("add-job-error", vm.jobErrorProperty()));

        // In a scroll pane: should the dialog still be too short, the form scrolls instead of sliding under the buttons.
        javafx.scene.control.ScrollPane formScroll = new javafx.scene.control.ScrollPane(form(openProfile));
        formScroll.setFitToWidth(true);
        formScroll.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        Tab formTab = new Tab("Form", formScroll);
        formTab.setId("add-tab-form");
        resumeTab = new Tab("Résumé", resumePane());
        resumeTab.setId("add-tab-resume");
        tabs.getTabs().setAll(formTab, resumeTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.modeProperty().set(b == resumeTab ? AddCandidateViewModel.Mode.RESUME : AddCandidateViewModel.Mode.FORM));
        vm.modeProperty().addListener((o, a, b) ->
                tabs.getSelectionModel().select(b == AddCandidateViewModel.Mode.RESUME ? resumeTab : formTab));

        Label message = new Label();
        message.setId("add-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Button add = new Button("Add candidate");
        add.setId("add-submit");
        add.getStyleClass().add(Styles.ACCENT);
        add.setDefaultButton(true);
        // Disabled while a field error is shown (as the Order modal does); the errors under the fields say why.
        add.disableProperty().bind(vm.busyProperty().or(vm.invalidProperty()));
        add.setOnAction(e -> vm.submit());
        Button cancel = new Button("Cancel");
        cancel.setId("add-cancel");
        cancel.setCancelButton(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, message, grow, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, jobBox, tabs, buttons);
        root.setId("add-candidate-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(520);
        // Never squeeze the form under the button bar: the dialog grows instead (see fitToContent).
        root.setMinHeight(Region.USE_PREF_SIZE);
        acceptDrops(root);
        stage = dialogs.modal("Add candidate", root);
        this.root = root;
        cancel.setOnAction(e -> stage.close());
        vm.createdProperty().addListener((o, a, c) -> {
            if (c != null) {
                stage.close();
                openProfile.accept(c.id());
            }
        });
    }

    private Node form(Consumer<String> openProfile) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(12, 0, 0, 0));
        addField(grid, 0, "First name", "add-first-name", vm.firstNameProperty(), vm.firstNameErrorProperty());
        addField(grid, 2, "Last name", "add-last-name", vm.lastNameProperty(), vm.lastNameErrorProperty());
        addField(grid, 4, "Email", "add-email", vm.emailProperty(), vm.emailErrorProperty());
        addField(grid, 6, "Phone (optional)", "add-phone", vm.phoneProperty(), null);

        Label same = new Label();
        same.setId("add-same-email");
        same.setWrapText(true);
        same.getStyleClass().add("warning-box");
        Button open = new Button("Open them instead");
        open.setId("add-open-existing");
        open.setOnAction(e -> {
            if (!vm.sameEmail().isEmpty()) {
                stage.close();
                openProfile.accept(vm.sameEmail().get(0).id());
            }
        });
        same.textProperty().bind(Bindings.createStringBinding(() -> vm.sameEmail().isEmpty() ? ""
                : "Already here with this email: " + vm.sameEmail().stream().map(Candidate::displayName)
                .reduce((a, b) -> a + ", " + b).orElse(""), vm.sameEmail()));
        HBox warning = new HBox(8, same, open);
        warning.setAlignment(Pos.CENTER_LEFT);
        warning.visibleProperty().bind(Bindings.isNotEmpty(vm.sameEmail()));
        warning.managedProperty().bind(warning.visibleProperty());
        return new VBox(8, grid, warning);
    }

    private void addField(GridPane grid, int row, String label, String id, StringProperty value,
                                 StringProperty error) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label l = new Label(label);
        l.setLabelFor(field);
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        if (error != null) {
            grid.add(error(id + "-error", error), 1, row + 1);
        }
    }

    private Node resumePane() {
        Label drop = new Label("Drop a résumé here\n" + AddCandidateViewModel.RESUME_HINT);
        drop.setId("add-drop-zone");
        drop.getStyleClass().add("drop-zone");
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setMinHeight(90);
        drop.setAlignment(Pos.CENTER);
        drop.setStyle("-fx-border-color: -color-border-default; -fx-border-style: dashed; -fx-border-width: 2;"
                + " -fx-text-alignment: center;");
        Button choose = new Button("Choose file…");
        choose.setId("add-choose-file");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a résumé");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Résumés ("
                    + AddCandidateViewModel.RESUME_HINT + ")", AddCandidateViewModel.resumePatterns()));
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                vm.chooseResume(f.toPath());
            }
        });
        Label file = new Label();
        file.setId("add-file-name");
        file.textProperty().bind(vm.resumeTextProperty());
        HBox row = new HBox(10, choose, file);
        row.setAlignment(Pos.CENTER_LEFT);
        Label how = new Label("SmartRecruiters reads the name and email from the file.");
        how.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(10, drop, row, error("add-file-error", vm.fileErrorProperty()), how);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    /** Files dropped anywhere on the dialog go to the résumé tab. */
    private void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                vm.chooseResume(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private Label error(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.textProperty().bind(text);
        // Room for one line is kept even when there is no error: an error appearing does not move the fields below.
        l.setStyle("-fx-min-height: 1.4em;");
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.setManaged(true);
        // An inline error adds a line: grow the window so the fields below it stay above the buttons.
        l.visibleProperty().addListener((o, was, shown) -> javafx.application.Platform.runLater(this::fitToContent));
        return l;
    }

    /** Grows the dialog to its content's preferred height (never shrinks what the user made bigger). */
    private void fitToContent() {
        if (stage == null || root == null || stage.getScene() == null) {
            return;
        }
        double needed = root.prefHeight(root.getWidth() > 0 ? root.getWidth() : -1);
        double shown = stage.getScene().getHeight();
        if (needed > shown + 0.5) {
            double width = stage.getWidth();
            stage.sizeToScene();
            stage.setWidth(Math.max(width, stage.getWidth()));
        }
    }

    public void show() {
        stage.show();
        vm.load();
    }

    /** Opens on the résumé tab with this file (a file dropped on the main window). */
    public void showWithResume(Path file) {
        vm.chooseResume(file);
        show();
    }

    public Stage stage() {
        return stage;
    }

    public AddCandidateViewModel viewModel() {
        return vm;
    }
}
