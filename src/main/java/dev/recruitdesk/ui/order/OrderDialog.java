package dev.recruitdesk.ui.order;

import atlantafx.base.theme.Styles;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.ui.DialogService;
import dev.recruitdesk.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.function.Consumer;

/** The Order Assessments modal (owned by the main window through {@link DialogService}). */
public final class OrderDialog {

    private final OrderViewModel vm;
    private final Stage stage;

    public OrderDialog(DialogService dialogs, OrderViewModel vm, Consumer<AssessmentOrder> onQueued, Runnable openSettings) {
        this.vm = vm;
        VBox root = new VBox(16);
        root.getStyleClass().add("order-dialog");
        root.setPadding(new Insets(24));
        root.setPrefWidth(560);

        Label title = new Label(Messages.get("order.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        String job = vm.application().jobTitle() == null ? vm.application().jobId() : vm.application().jobTitle();
        Label sub = new Label(Messages.format("order.for", vm.candidateName(), job));
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.setWrapText(true);

        ComboBox<Partner> partner = new ComboBox<>(vm.partners());
        partner.setId("order-partner");
        partner.setMaxWidth(Double.MAX_VALUE);
        partner.setPromptText(Messages.get("order.partnerPrompt"));
        partner.setConverter(converter(Partner::name));
        partner.valueProperty().bindBidirectional(vm.partnerProperty());
        partner.disableProperty().bind(vm.loadingPartnersProperty().or(vm.notConnectedProperty()).or(vm.stepProperty().isNotEqualTo(OrderViewModel.Step.CHOOSING)));
        ProgressIndicator partnerSpinner = spinner();
        partnerSpinner.visibleProperty().bind(vm.loadingPartnersProperty());

        ComboBox<AssessmentPackage> pkg = new ComboBox<>(vm.packages());
        pkg.setId("order-package");
        pkg.setMaxWidth(Double.MAX_VALUE);
        pkg.setPromptText(Messages.get("order.packagePrompt"));
        pkg.setConverter(converter(AssessmentPackage::name));
        pkg.setCellFactory(l -> new PackageCell());
        pkg.valueProperty().bindBidirectional(vm.packageProperty());
        pkg.disableProperty().bind(vm.partnerProperty().isNull().or(vm.loadingPackagesProperty())
                .or(vm.stepProperty().isNotEqualTo(OrderViewModel.Step.CHOOSING)));
        ProgressIndicator pkgSpinner = spinner();
        pkgSpinner.visibleProperty().bind(vm.loadingPackagesProperty());

        Label pkgDescription = new Label();
        pkgDescription.setId("order-package-description");
        pkgDescription.setWrapText(true);
        pkgDescription.getStyleClass().add(Styles.TEXT_MUTED);
        vm.packageProperty().addListener((o, a, b) -> pkgDescription.setText(b == null ? "" : OrderViewModel.describe(b)));
        pkgDescription.managedProperty().bind(pkgDescription.textProperty().isNotEmpty());
        pkgDescription.visibleProperty().bind(pkgDescription.managedProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        Label partnerLabel = new Label(Messages.get("order.partner"));
        partnerLabel.setLabelFor(partner);
        Label pkgLabel = new Label(Messages.get("order.package"));
        pkgLabel.setLabelFor(pkg);
        partnerLabel.setMinWidth(Region.USE_PREF_SIZE);
        pkgLabel.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(0, partnerLabel, partner, partnerSpinner);
        form.addRow(1, pkgLabel, pkg, pkgSpinner);
        form.add(pkgDescription, 1, 2);
        GridPane.setHgrow(partner, Priority.ALWAYS);
        GridPane.setHgrow(pkg, Priority.ALWAYS);

        Label error = new Label();
        error.setId("order-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorTextProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Button toSettings = new Button(Messages.get("order.openSettings"));
        toSettings.setId("order-open-settings");
        toSettings.getStyleClass().add(Styles.ACCENT);
        toSettings.managedProperty().bind(vm.notConnectedProperty());
        toSettings.visibleProperty().bind(vm.notConnectedProperty());

        Label dupText = new Label();
        dupText.setId("order-duplicate-text");
        dupText.setWrapText(true);
        dupText.textProperty().bind(vm.duplicateTextProperty());
        Button orderAgain = new Button(Messages.get("order.orderAgain"));
        orderAgain.setId("order-again");
        orderAgain.getStyleClass().add(Styles.DANGER);
        orderAgain.setOnAction(e -> vm.confirmDuplicate());
        Button dontOrder = new Button(Messages.get("order.dontOrder"));
        dontOrder.setOnAction(e -> vm.cancelDuplicate());
        HBox dupButtons = new HBox(8, orderAgain, dontOrder);
        FontIcon warnIcon = new FontIcon(MaterialDesignA.ALERT_OUTLINE);
        HBox dupRow = new HBox(10, warnIcon, dupText);
        VBox duplicate = new VBox(10, dupRow, dupButtons);
        duplicate.getStyleClass().add("warning-box");
        duplicate.setId("order-duplicate");
        duplicate.managedProperty().bind(vm.stepProperty().isEqualTo(OrderViewModel.Step.CONFIRM_DUPLICATE));
        duplicate.visibleProperty().bind(duplicate.managedProperty());

        Label reason = new Label();
        reason.setId("order-continue-reason");
        reason.getStyleClass().add(Styles.TEXT_MUTED);
        reason.textProperty().bind(vm.continueReasonBinding());
        Button cancel = new Button(Messages.get("common.cancel"));
        cancel.setCancelButton(true);
        Button cont = new Button(Messages.get("order.continue"));
        cont.setId("order-continue");
        cont.setDefaultButton(true);
        cont.getStyleClass().add(Styles.ACCENT);
        cont.disableProperty().bind(vm.canContinueBinding().not());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, reason, grow, cancel, cont);
        buttons.setAlignment(Pos.CENTER_LEFT);

        HBox problem = new HBox(12, error, toSettings);
        problem.setAlignment(Pos.CENTER_LEFT);
        problem.managedProperty().bind(error.managedProperty());
        problem.visibleProperty().bind(error.managedProperty());
        root.getChildren().addAll(new VBox(4, title, sub), form, problem, duplicate, buttons);
        stage = dialogs.modal(Messages.get("order.title"), root);
        stage.sizeToScene();
        cancel.setOnAction(e -> stage.close());
        cont.setOnAction(e -> vm.submit());
        toSettings.setOnAction(e -> {
            stage.close();
            openSettings.run();
        });
        vm.queuedProperty().addListener((o, a, b) -> {
            if (b != null) {
                onQueued.accept(b);
                stage.close();
            }
        });
        // The duplicate box and messages change the height: keep the dialog sized to its content.
        vm.stepProperty().addListener((o, a, b) -> stage.sizeToScene());
        vm.errorTextProperty().addListener((o, a, b) -> stage.sizeToScene());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> partner.requestFocus());
    }

    public void show() {
        vm.loadPartners();
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public OrderViewModel viewModel() {
        return vm;
    }

    private static ProgressIndicator spinner() {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(18, 18);
        p.setMaxSize(18, 18);
        return p;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static final class PackageCell extends ListCell<AssessmentPackage> {
        @Override
        protected void updateItem(AssessmentPackage p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(p.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label desc = new Label(OrderViewModel.describe(p));
            desc.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            desc.setWrapText(true);
            desc.setMaxWidth(440);
            setText(null);
            setGraphic(new VBox(2, name, desc));
        }
    }
}
