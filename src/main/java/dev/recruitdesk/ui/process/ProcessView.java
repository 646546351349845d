package dev.recruitdesk.ui.process;

import dev.recruitdesk.ui.common.TextColumns;
import atlantafx.base.theme.Styles;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.HiringProcessService;
import dev.recruitdesk.service.HiringProcessService.StepMember;
import dev.recruitdesk.ui.common.Words;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.function.Function;

/** "Hiring process": the processes, their steps, adding a step, and the selected step's assessment rule. */
public final class ProcessView extends BorderPane {

    private final ProcessViewModel vm;

    public ProcessView(ProcessViewModel vm) {
        this.vm = vm;
        setId("process-view");
        setPadding(new Insets(16, 20, 16, 20));
        Label title = new Label("Hiring process");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Steps of each process, and the assessment a step orders by itself.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Label message = new Label();
        message.setId("process-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        setTop(new VBox(4, title, hint, message));

        ListView<HiringProcess> list = new ListView<>(vm.processes());
        list.setId("process-list");
        list.setPrefWidth(170); // "Leadership Search" fits; the width goes to the steps table
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HiringProcess p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.processProperty().get()) {
                vm.processProperty().set(b);
            }
        });
        vm.processProperty().addListener((o, a, b) -> list.getSelectionModel().select(b));
        BorderPane.setMargin(list, new Insets(12, 12, 0, 0));
        setLeft(list);

        VBox centre = new VBox(10, stepsTable(), addStepForm());
        VBox.setVgrow(centre.getChildren().get(0), Priority.ALWAYS);
        BorderPane.setMargin(centre, new Insets(12, 12, 0, 0));
        setCenter(centre);

        ScrollPane editor = new ScrollPane(ruleEditor());
        editor.setFitToWidth(true);
        editor.setPrefWidth(350); // its texts wrap; the steps table needs the width more
        BorderPane.setMargin(editor, new Insets(12, 0, 0, 0));
        setRight(editor);
    }

    public ProcessViewModel viewModel() {
        return vm;
    }

    private Node stepsTable() {
        TableView<ProcessViewModel.StepRow> table = new TableView<>(vm.steps());
        table.setId("process-steps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // "Hiring Manager Review" fits the step column; the rest goes to the assessment ("Engineering Fundamentals")
        table.getColumns().add(TextColumns.of("Status", r -> Words.humanize(r.status()), 90));
        table.getColumns().add(TextColumns.of("Step", ProcessViewModel.StepRow::step, 172));
        table.getColumns().add(TextColumns.of("Assessment", r -> r.assessment().isEmpty() ? "—" : r.assessment(), 200));
        table.setPlaceholder(new Label("No custom steps in this process"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != vm.stepProperty().get()) {
                vm.stepProperty().set(b);
            }
        });
        vm.stepProperty().addListener((o, a, b) -> {
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(b);
            }
        });
        return table;
    }

    private Node addStepForm() {
        ComboBox<String> status = new ComboBox<>();
        status.setId("new-step-status");
        status.getItems().setAll(HiringProcess.STEP_STATUSES);
        status.setConverter(converter(Words::humanize));
        status.valueProperty().bindBidirectional(vm.newStepStatusProperty());
        ComboBox<String> name = new ComboBox<>();
        name.setId("new-step-name");
        name.setEditable(true);
        name.setPromptText("Step name");
        name.setTooltip(new javafx.scene.control.Tooltip("A standard stage such as Skills Test, or a custom stage name"));
        name.getItems().setAll(HiringProcessService.STANDARD_STAGES);
        name.getEditor().textProperty().bindBidirectional(vm.newStepNameProperty());
        name.setPrefWidth(240);
        Button add = new Button("Add step");
        add.setId("add-step");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> vm.addStep());
        add.disableProperty().bind(vm.busyProperty());
        HBox row = new HBox(8, status, name, add);
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = errorLabel("new-step-error");
        error.textProperty().bind(vm.nameErrorProperty());
        Label heading = new Label("Add a step");
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(6, heading, row, error);
    }

    private Node ruleEditor() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ProcessViewModel.StepRow r = vm.stepProperty().get();
            return r == null ? "Assessment on a step" : "Assessment on " + r.step();
        }, vm.stepProperty()));

        ComboBox<Partner> partner = new ComboBox<>(vm.partners());
        partner.setId("rule-partner");
        partner.setPromptText("Partner");
        partner.setMaxWidth(Double.MAX_VALUE);
        partner.setConverter(converter(p -> p.name() + " · " + Words.humanize(p.type())));
        partner.valueProperty().bindBidirectional(vm.partnerProperty());
        Label partnerError = errorLabel("rule-partner-error");
        partnerError.textProperty().bind(vm.partnerErrorProperty());

        ComboBox<AssessmentPackage> pkg = new ComboBox<>(vm.packages());
        pkg.setId("rule-package");
        pkg.setPromptText("Package");
        pkg.setMaxWidth(Double.MAX_VALUE);
        pkg.setConverter(converter(k -> k.name() + " (" + k.expectedMinutes() + " min)"));
        pkg.valueProperty().bindBidirectional(vm.packageProperty());
        Label packageError = errorLabel("rule-package-error");
        packageError.textProperty().bind(vm.packageErrorProperty());

        CheckBox onAdd = new CheckBox("When a candidate is added to a job of this process");
        onAdd.setId("rule-on-add");
        onAdd.selectedProperty().bindBidirectional(vm.onAddProperty());
        onAdd.setWrapText(true);
        CheckBox onMove = new CheckBox("When a candidate is moved into this step");
        onMove.setId("rule-on-move");
        onMove.selectedProperty().bindBidirectional(vm.onMoveProperty());
        onMove.setWrapText(true);

        Label previewHeading = new Label("Preview");
        previewHeading.getStyleClass().add("section-label");
        Label preview = new Label();
        preview.setId("rule-preview");
        preview.setWrapText(true);
        preview.textProperty().bind(vm.previewTextProperty());
        ListView<StepMember> members = new ListView<>(vm.inStep());
        members.setId("rule-preview-members");
        members.setPrefHeight(110);
        members.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepMember m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.name() + " · " + (m.jobTitle() == null ? "" : m.jobTitle())
                        + (m.hasOpenOrder() ? "  (order open)" : ""));
            }
        });
        members.setPlaceholder(new Label("Nobody in this step"));

        ToggleGroup existing = new ToggleGroup();
        RadioButton orderThem = new RadioButton();
        orderThem.setId("rule-order-existing");
        orderThem.textProperty().bind(vm.existingChoiceTextProperty());
        orderThem.setToggleGroup(existing);
        RadioButton onlyNew = new RadioButton("Only new arrivals");
        onlyNew.setId("rule-only-new");
        onlyNew.setToggleGroup(existing);
        onlyNew.setSelected(true);
        orderThem.selectedProperty().addListener((o, a, b) -> vm.orderExistingProperty().set(b));
        vm.orderExistingProperty().addListener((o, a, b) -> (b ? orderThem : onlyNew).setSelected(true));

        Button save = new Button("Save");
        save.setId("rule-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> vm.save());
        Button remove = new Button("Remove assessment");
        remove.setId("rule-remove");
        remove.setOnAction(e -> vm.removeRule());
        HBox buttons = new HBox(8, save, remove);
        VBox box = new VBox(8, heading, new Label("Partner"), partner, partnerError, new Label("Package"), pkg,
                packageError, new Label("Order it automatically"), onAdd, onMove, previewHeading, preview, members,
                orderThem, onlyNew, buttons);
        box.setPadding(new Insets(0, 8, 8, 8));
        box.disableProperty().bind(vm.stepProperty().isNull().or(vm.busyProperty()));
        return box;
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
